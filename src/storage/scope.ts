/** Resources live in one account and one region, as on AWS; every store call names both. */
export interface Scope {
  readonly accountId: string;
  readonly region: string;
}
