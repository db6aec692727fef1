import { randomUUID } from 'node:crypto';
import type { QueryLanguage, QueryStatus, ResultField } from '../../../models/logs/index.js';
import type { LogQueryStatistics, Scope } from '../../../storage/index.js';

/**
 * The Logs Insights queries of this server, by id: status, the rendered result rows and statistics, so
 * GetQueryResults, StopQuery and DescribeQueries answer from here while the store runs the query. Results are kept
 * for AWS's 7 days, in memory: a restart forgets them, as a query is a question, not acknowledged data.
 */
export const RESULT_RETENTION_MS = 7 * 24 * 3_600_000;
/** AWS's current quota of concurrent Insights queries per account and region. */
export const MAX_CONCURRENT_QUERIES = 100;
/** AWS stops a query after 60 minutes. */
export const QUERY_TIMEOUT_MS = 60 * 60_000;

export interface NewQuery {
  readonly scope: Scope;
  readonly queryString: string;
  readonly queryLanguage: QueryLanguage;
  readonly logGroupNames: readonly string[];
  readonly userIdentity: string;
  readonly createTime: number;
}

/** A registered query; status, results and statistics change as it runs. */
export interface QueryEntry extends NewQuery {
  readonly queryId: string;
  status: QueryStatus;
  finishedAt?: number;
  results: readonly (readonly ResultField[])[];
  statistics: LogQueryStatistics;
}

export interface QueryOutcome {
  readonly results: readonly (readonly ResultField[])[];
  readonly statistics: LogQueryStatistics;
}

const EMPTY_STATISTICS: LogQueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0, logGroupsScanned: 0 };

export class QueryRegistry {
  private readonly entries = new Map<string, QueryEntry>();

  /** Registers a query as Running and runs it in the background; its outcome (or failure) lands in the entry. */
  start(query: NewQuery, run: () => Promise<QueryOutcome>, now: () => number): QueryEntry {
    this.evictExpired(now());
    const entry: QueryEntry = { ...query, queryId: randomUUID(), status: 'Running', results: [], statistics: EMPTY_STATISTICS };
    this.entries.set(entry.queryId, entry);
    run().then(
      (outcome) => {
        if (entry.status !== 'Running') return;
        entry.results = outcome.results;
        entry.statistics = outcome.statistics;
        entry.finishedAt = now();
        entry.status = entry.finishedAt - entry.createTime > QUERY_TIMEOUT_MS ? 'Timeout' : 'Complete';
      },
      () => {
        if (entry.status !== 'Running') return;
        entry.finishedAt = now();
        entry.status = 'Failed';
      },
    );
    return entry;
  }

  runningCount(scope: Scope): number {
    let count = 0;
    for (const entry of this.entries.values()) if (sameScope(entry.scope, scope) && entry.status === 'Running') count += 1;
    return count;
  }

  get(scope: Scope, queryId: string, now: number): QueryEntry | undefined {
    this.evictExpired(now);
    const entry = this.entries.get(queryId);
    return entry !== undefined && sameScope(entry.scope, scope) ? entry : undefined;
  }

  /** Newest first, as DescribeQueries lists them. */
  list(scope: Scope, now: number): QueryEntry[] {
    this.evictExpired(now);
    return [...this.entries.values()].filter((entry) => sameScope(entry.scope, scope)).sort((a, b) => b.createTime - a.createTime || (a.queryId < b.queryId ? -1 : 1));
  }

  private evictExpired(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.finishedAt !== undefined && now - entry.finishedAt > RESULT_RETENTION_MS) this.entries.delete(id);
    }
  }
}

function sameScope(a: Scope, b: Scope): boolean {
  return a.accountId === b.accountId && a.region === b.region;
}
