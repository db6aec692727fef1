import type { RequestContext } from '../../../kernel/index.js';

export interface GetCallerIdentityOutput {
  readonly UserId: string;
  readonly Account: string;
  readonly Arn: string;
}

/** STS GetCallerIdentity: who signed the request, as authentication established it. Takes no parameters. */
export async function getCallerIdentity(_input: unknown, ctx: RequestContext): Promise<GetCallerIdentityOutput> {
  const { userId, accountId, arn } = ctx.caller;
  return { UserId: userId, Account: accountId, Arn: arn };
}
