import type { ValueType } from './plan.js';

/**
 * Every function of spec 7.3, by lower-case name (AWS matches function names case-insensitively, and its docs mix
 * `fromMillis` and `frommillis`). `args` lists the expected argument kinds: `any` takes a field or expression,
 * `number`/`string`/`period` say how a literal must look; a trailing `...` repeats the last kind.
 */
export type ArgKind = 'any' | 'number-literal' | 'string-literal' | 'period' | 'star-or-any';

export interface FunctionSpec {
  /** The name as AWS's docs spell it, for messages. */
  readonly name: string;
  readonly args: readonly ArgKind[];
  readonly optional?: number;
  readonly variadic?: boolean;
  readonly result: ValueType | 'same-as-first';
}

const scalar = (name: string, args: readonly ArgKind[], result: FunctionSpec['result'], extra: Partial<FunctionSpec> = {}): FunctionSpec => ({
  name,
  args,
  result,
  ...extra,
});

const SCALARS: readonly FunctionSpec[] = [
  scalar('abs', ['any'], 'number'),
  scalar('ceil', ['any'], 'number'),
  scalar('floor', ['any'], 'number'),
  scalar('greatest', ['any', 'any'], 'number', { variadic: true, optional: 1 }),
  scalar('least', ['any', 'any'], 'number', { variadic: true, optional: 1 }),
  scalar('log', ['any'], 'number'),
  scalar('sqrt', ['any'], 'number'),
  scalar('ispresent', ['any'], 'boolean'),
  scalar('coalesce', ['any', 'any'], 'same-as-first', { variadic: true, optional: 1 }),
  scalar('isempty', ['any'], 'boolean'),
  scalar('isblank', ['any'], 'boolean'),
  scalar('concat', ['any', 'any'], 'string', { variadic: true, optional: 1 }),
  scalar('ltrim', ['any', 'any'], 'string', { optional: 1 }),
  scalar('rtrim', ['any', 'any'], 'string', { optional: 1 }),
  scalar('trim', ['any', 'any'], 'string', { optional: 1 }),
  scalar('strlen', ['any'], 'number'),
  scalar('toupper', ['any'], 'string'),
  scalar('tolower', ['any'], 'string'),
  scalar('substr', ['any', 'any', 'any'], 'string', { optional: 1 }),
  scalar('replace', ['any', 'any', 'any'], 'string'),
  scalar('strcontains', ['any', 'any'], 'number'),
  scalar('bin', ['period'], 'timestamp'),
  scalar('datefloor', ['any', 'period'], 'timestamp'),
  scalar('dateceil', ['any', 'period'], 'timestamp'),
  scalar('fromMillis', ['any'], 'timestamp'),
  scalar('toMillis', ['any'], 'number'),
  scalar('isValidIp', ['any'], 'boolean'),
  scalar('isValidIpV4', ['any'], 'boolean'),
  scalar('isValidIpV6', ['any'], 'boolean'),
  scalar('isIpInSubnet', ['any', 'string-literal'], 'boolean'),
  scalar('isIpv4InSubnet', ['any', 'string-literal'], 'boolean'),
  scalar('isIpv6InSubnet', ['any', 'string-literal'], 'boolean'),
  scalar('jsonParse', ['any'], 'json'),
  scalar('jsonStringify', ['any'], 'string'),
  scalar('unmask', ['any'], 'string'),
];

/** Aggregations and the "non-aggregation" stats functions; they are valid only inside `stats`. */
const AGGREGATES: readonly FunctionSpec[] = [
  scalar('count', ['star-or-any'], 'number', { optional: 1 }),
  scalar('count_distinct', ['any'], 'number'),
  scalar('sum', ['any'], 'number'),
  scalar('avg', ['any'], 'number'),
  scalar('min', ['any'], 'same-as-first'),
  scalar('max', ['any'], 'same-as-first'),
  scalar('pct', ['any', 'number-literal'], 'same-as-first'),
  scalar('stddev', ['any'], 'number'),
  scalar('earliest', ['any'], 'same-as-first'),
  scalar('latest', ['any'], 'same-as-first'),
  scalar('sortsFirst', ['any'], 'same-as-first'),
  scalar('sortsLast', ['any'], 'same-as-first'),
];

const byName = (specs: readonly FunctionSpec[]): ReadonlyMap<string, FunctionSpec> =>
  new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));

export const SCALAR_FUNCTIONS = byName(SCALARS);
export const AGGREGATE_FUNCTIONS = byName(AGGREGATES);

/** The argument count a call may have, for the arity check and its message. */
export function arityOf(spec: FunctionSpec): { readonly min: number; readonly max: number } {
  const min = spec.args.length - (spec.optional ?? 0);
  return { min, max: spec.variadic === true ? Number.POSITIVE_INFINITY : spec.args.length };
}
