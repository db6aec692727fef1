import { assertNever } from '../../kernel/index.js';
import type { SearchQuery, SearchTerm } from './search-ast.js';
import { partialMatch } from './search-tokens.js';

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/** A metric's identity as SEARCH and Metrics Insights see it. */
export interface MetricIdentity {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly MetricDimension[];
  /**
   * The owning account when it is a linked (cross-account) source; undefined for the caller's own metrics, which is
   * what `:aws.AccountId='LOCAL'` selects.
   */
  readonly accountId?: string;
}

const ACCOUNT_PROPERTY = ':aws.AccountId';

/**
 * Does `metric` satisfy the search? The schema needs the exact namespace and exactly the listed dimension names (any
 * order; `{AWS/EC2}` alone selects metrics without dimensions); the term is matched against the metric name, the
 * namespace and every dimension name and value.
 */
export function matchesSearch(search: SearchQuery, metric: MetricIdentity): boolean {
  const schema = search.schema;
  if (schema !== undefined) {
    if (metric.namespace !== schema.namespace) return false;
    const names = new Set(metric.dimensions.map((d) => d.name));
    const wanted = new Set(schema.dimensionNames);
    if (names.size !== wanted.size || [...wanted].some((name) => !names.has(name))) return false;
  }
  return search.term === undefined || matchesTerm(search.term, metric);
}

function matchesTerm(term: SearchTerm, metric: MetricIdentity): boolean {
  switch (term.kind) {
    case 'and':
      return matchesTerm(term.left, metric) && matchesTerm(term.right, metric);
    case 'or':
      return matchesTerm(term.left, metric) || matchesTerm(term.right, metric);
    case 'not':
      return !matchesTerm(term.operand, metric);
    case 'partial':
      return searchableText(metric).some((text) => partialMatch(term.text, text));
    case 'exact':
      return searchableText(metric).includes(term.text);
    case 'property':
      return matchesProperty(term.name, term.value, term.exact, metric);
    default:
      return assertNever(term, 'search term');
  }
}

function searchableText(metric: MetricIdentity): string[] {
  return [metric.metricName, metric.namespace, ...metric.dimensions.flatMap((d) => [d.name, d.value])];
}

function matchesProperty(name: string, value: string, exact: boolean, metric: MetricIdentity): boolean {
  const test = (text: string): boolean => (exact ? text === value : partialMatch(value, text));
  if (name === 'MetricName') return test(metric.metricName);
  if (name === 'Namespace') return test(metric.namespace);
  if (name === ACCOUNT_PROPERTY) {
    // AWS writes the local-account filter `:aws.AccountId='LOCAL'`; the single quotes reach us inside the word.
    const account = value.replace(/^'(.*)'$/, '$1');
    return account === 'LOCAL' ? metric.accountId === undefined : metric.accountId === account;
  }
  return metric.dimensions.some((d) => d.name === name && test(d.value));
}
