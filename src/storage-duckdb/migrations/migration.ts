/** One schema step. Versions are applied in order, each in its own transaction, and recorded once applied. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}
