import type { Operation } from '../../../kernel/index.js';
import type { StartQueryRequest, StartQueryResponse } from '../../../models/logs/index.js';
import { isQuerySyntaxError, isUnsupportedQueryError, parseQuery, planQuery, type Query } from '../../../query/index.js';
import type { Scope } from '../../../storage/index.js';
import { invalidParameter } from '../errors.js';
import type { InsightsDeps } from '../insights/insights-deps.js';
import { malformedQuery, queryConcurrencyReached, queryGroupNotFound } from '../insights/insights-errors.js';
import { MAX_CONCURRENT_QUERIES } from '../insights/query-registry.js';
import { renderRows } from '../insights/render-rows.js';
import { groupNameFromIdentifier, scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';
import { retentionFloor } from '../retention.js';

/** StartQuery's `limit` when the caller gives none [unconfirmed: AWS documents 10,000 as the per-page maximum]. */
export const DEFAULT_QUERY_LIMIT = 10_000;

/**
 * StartQuery: validates the groups and time range, parses and plans the query (a syntax or name error is
 * MalformedQueryException with its location), then runs it in the background and answers the queryId at once.
 */
export function startQuery(deps: InsightsDeps): Operation<unknown, StartQueryResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<StartQueryRequest>('StartQuery', raw);
    const scope = scopeOf(ctx);
    const language = input.queryLanguage ?? 'CWLI';
    if (language !== 'CWLI') throw invalidParameter(`Query language ${language} is not supported by this server; use CWLI.`);
    if (input.endTime < input.startTime) throw invalidParameter('End time should not be before the start time.');
    const query = parse(input.queryString);
    const names = await groupNames(deps, scope, input, query);
    const groups = [];
    for (const logGroupName of names) {
      const group = await deps.store.getLogGroupRetention(scope, logGroupName);
      if (group === undefined) throw queryGroupNotFound(logGroupName, scope.accountId);
      const notBefore = retentionFloor(group, ctx.clock.now());
      groups.push({ logGroupName, ...(notBefore === undefined ? {} : { notBefore }) });
    }
    let plan;
    try {
      plan = planQuery(query, { limit: input.limit ?? DEFAULT_QUERY_LIMIT });
    } catch (error) {
      throw toServiceError(error);
    }
    if (deps.registry.runningCount(scope) >= MAX_CONCURRENT_QUERIES) throw queryConcurrencyReached(MAX_CONCURRENT_QUERIES);
    const request = { groups, startTime: input.startTime * 1000, endTime: input.endTime * 1000 + 999, plan };
    const entry = deps.registry.start(
      {
        scope,
        queryString: input.queryString,
        queryLanguage: language,
        logGroupNames: names,
        userIdentity: ctx.caller.arn,
        createTime: ctx.clock.now(),
      },
      async () => {
        const result = await deps.engine.run(scope, request);
        return { results: renderRows(result), statistics: result.statistics };
      },
      () => ctx.clock.now(),
    );
    return { queryId: entry.queryId };
  };
}

function parse(queryString: string): Query {
  try {
    return parseQuery(queryString);
  } catch (error) {
    throw toServiceError(error);
  }
}

function toServiceError(error: unknown): unknown {
  if (isQuerySyntaxError(error)) return malformedQuery(error.message, error.span);
  if (isUnsupportedQueryError(error)) return invalidParameter(error.message);
  return error;
}

/** Exactly one of logGroupName, logGroupNames and logGroupIdentifiers, or none with a SOURCE command. */
async function groupNames(deps: InsightsDeps, scope: Scope, input: StartQueryRequest, query: Query): Promise<string[]> {
  const given = [input.logGroupName, input.logGroupNames, input.logGroupIdentifiers].filter((v) => v !== undefined);
  if (given.length > 1) throw invalidParameter('Exactly one of logGroupName, logGroupNames or logGroupIdentifiers may be specified.');
  if (query.source !== undefined) {
    if (given.length > 0) throw invalidParameter('A query with a SOURCE command must not also name log groups.');
    return sourceGroups(deps, scope, query.source.namePrefixes, query.source.classes);
  }
  if (input.logGroupName !== undefined) return [input.logGroupName];
  if (input.logGroupNames !== undefined) return [...new Set(input.logGroupNames)];
  if (input.logGroupIdentifiers !== undefined) {
    return [...new Set(input.logGroupIdentifiers.map((id) => groupNameFromIdentifier(id.replace(/:\*$/, ''), scope) ?? id))];
  }
  throw invalidParameter('Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified, or the query must start with SOURCE.');
}

/** SOURCE logGroups(namePrefix: [...], class: [...]): the matching groups (STANDARD when no class is given). */
async function sourceGroups(deps: InsightsDeps, scope: Scope, prefixes: readonly string[], classes: readonly string[]): Promise<string[]> {
  const wanted = classes.length === 0 ? ['STANDARD'] : classes;
  const names: string[] = [];
  for (const prefix of prefixes.length === 0 ? [''] : prefixes) {
    let after: string | undefined;
    for (;;) {
      const page = await deps.store.listLogGroups(scope, { ...(prefix === '' ? {} : { namePrefix: prefix }), ...(after === undefined ? {} : { afterName: after }), limit: 1000 });
      for (const group of page) if (wanted.includes(group.logGroupClass)) names.push(group.logGroupName);
      if (page.length < 1000) break;
      after = page.at(-1)?.logGroupName;
    }
  }
  if (names.length > 10_000) throw invalidParameter('The SOURCE command selected more than 10,000 log groups.');
  return [...new Set(names)];
}
