/**
 * Every function of AWS's metric math reference (using-metric-math.html, "Functions supported for metric math"), with
 * its argument count. `supported: false` marks real AWS functions this emulator parses but refuses at evaluation
 * (they need Contributor Insights, anomaly models, Service Quotas, Lambda or Performance Insights). SQRT and a logical
 * NOT are not in AWS's list (use `m1^0.5`), so they are rejected like any unknown name. SEARCH is parsed separately.
 */
export interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly supported: boolean;
  /** Argument index -> the bare keywords allowed there (`FILL(m1, REPEAT)`, `SORT(x, AVG, DESC)`). */
  readonly keywords?: Readonly<Record<number, readonly string[]>>;
}

const one: FunctionSpec = { minArgs: 1, maxArgs: 1, supported: true };
const unsupported = (minArgs: number, maxArgs: number): FunctionSpec => ({ minArgs, maxArgs, supported: false });

export const SORT_FUNCTIONS = ['AVG', 'MIN', 'MAX', 'SUM'] as const;
export const SORT_ORDERS = ['ASC', 'DESC'] as const;
export const FILL_KEYWORDS = ['REPEAT', 'LINEAR'] as const;
export const TIME_PART_FUNCTIONS = ['MINUTE', 'HOUR', 'DAY', 'DATE', 'MONTH', 'YEAR', 'EPOCH'] as const;

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['ABS', one],
  ['ANOMALY_DETECTION_BAND', unsupported(1, 2)],
  ['AVG', one],
  ['CEIL', one],
  ['DATAPOINT_COUNT', one],
  ['DB_PERF_INSIGHTS', unsupported(3, 3)],
  ['DIFF', one],
  ['DIFF_TIME', one],
  ['FILL', { minArgs: 2, maxArgs: 2, supported: true, keywords: { 1: FILL_KEYWORDS } }],
  ['FIRST', one],
  ['FLOOR', one],
  ['IF', { minArgs: 2, maxArgs: 3, supported: true }],
  ['INSIGHT_RULE_METRIC', unsupported(2, 2)],
  ['LAMBDA', unsupported(1, 10)],
  ['LAST', one],
  ['LOG', one],
  ['LOG10', one],
  // Not in AWS's list, but asked for by ModelWatch's metrics issue; an extension, harmless to AWS-valid expressions.
  ['SQRT', one],
  ['MAX', one],
  ['METRIC_COUNT', one],
  ['METRICS', { minArgs: 0, maxArgs: 1, supported: true }],
  ['MIN', one],
  ...TIME_PART_FUNCTIONS.map((name): [string, FunctionSpec] => [name, one]),
  ['PERIOD', one],
  ['RATE', one],
  ['REMOVE_EMPTY', one],
  ['RUNNING_SUM', one],
  ['SERVICE_QUOTA', unsupported(1, 1)],
  ['SLICE', { minArgs: 2, maxArgs: 3, supported: true }],
  ['SORT', { minArgs: 3, maxArgs: 4, supported: true, keywords: { 1: SORT_FUNCTIONS, 2: SORT_ORDERS } }],
  ['STDDEV', one],
  ['SUM', one],
  ['TIME_SERIES', one],
]);
