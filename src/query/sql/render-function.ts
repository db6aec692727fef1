import type { PeriodUnit } from '../ast.js';
import type { PlanExpr } from '../plan.js';
import { ipv6SubnetRegex, parseIpv4Cidr, parseIpv6Cidr } from '../ip-cidr.js';
import type { ExprRenderer } from './expr-renderer.js';

type Call = Extract<PlanExpr, { kind: 'function' | 'aggregate' }>;

const PERIOD_MS: Readonly<Record<Exclude<PeriodUnit, 'mo' | 'q' | 'y'>, number>> = {
  ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000,
};
const IPV4 = '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$';
const IPV6 = '^(([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(([0-9A-Fa-f]{1,4}:){0,7}[0-9A-Fa-f]{0,4})?::(([0-9A-Fa-f]{1,4}:){0,7}[0-9A-Fa-f]{1,4})?)$';

/**
 * logfmt: a key is a run without space, `=` or `"`; a value is a double-quoted string (backslash escapes) or a run
 * without space or `"`. Words that are not `key=value` are skipped [unconfirmed: AWS says only "space-separated
 * key=value pairs"; the logfmt convention reads a bare key as true].
 */
const LOGFMT_PAIR = '([^\\s="]+)=("(?:[^"\\\\]|\\\\.)*"|[^\\s"]*)';
const LOGFMT_SPLIT = '^([^=]+)=(.*)$';
/**
 * CSV (RFC 4180): values split at commas outside double quotes; spaces around a value are kept [unconfirmed].
 * Each match is a value with the comma before it (none before the first).
 */
const CSV_VALUE = '(?:^|,)("(?:[^"]|"")*"|[^,]*)';

/** SQL for one function call of spec 7.3 (scalars) or a stats aggregation, through the dialect's hooks. */
export function renderFunction(w: ExprRenderer, call: Call): string {
  const d = w.dialect;
  const arg = (index: number): PlanExpr => {
    const found = call.args[index];
    if (found === undefined) throw new Error(`${call.name}() is missing argument ${index + 1}`);
    return found;
  };
  const num = (index: number): string => w.asNumber(arg(index));
  const text = (index: number): string => w.asText(arg(index));
  const present = (index: number): string => w.render(arg(index)).sql;
  const texts = (): string[] => call.args.map((_, i) => text(i));
  const nums = (): string[] => call.args.map((_, i) => num(i));
  const pattern = (value: string): string => w.bind({ value, type: 'text' });

  switch (call.name) {
    // numeric
    case 'abs': return `abs(${num(0)})`;
    case 'ceil': return `ceil(${num(0)})`;
    case 'floor': return `floor(${num(0)})`;
    case 'greatest': return `greatest(${nums().join(', ')})`;
    case 'least': return `least(${nums().join(', ')})`;
    case 'log': return d.naturalLog(num(0));
    case 'sqrt': return `sqrt(${num(0)})`;
    // general
    case 'ispresent': return `(${present(0)} IS NOT NULL)`;
    case 'coalesce': return `coalesce(${call.args.map((a) => w.render(a).sql).join(', ')})`;
    // string
    case 'isempty': return `coalesce(${text(0)} = '', true)`;
    case 'isblank': return `coalesce(${d.trim('both', text(0))} = '', true)`;
    case 'concat': return `concat(${texts().join(', ')})`;
    case 'ltrim': return d.trim('left', text(0), call.args.length > 1 ? text(1) : undefined);
    case 'rtrim': return d.trim('right', text(0), call.args.length > 1 ? text(1) : undefined);
    case 'trim': return d.trim('both', text(0), call.args.length > 1 ? text(1) : undefined);
    case 'strlen': return `CAST(${d.codePointLength(text(0))} AS DOUBLE)`;
    case 'toupper': return `upper(${text(0)})`;
    case 'tolower': return `lower(${text(0)})`;
    case 'substr': return d.substring(text(0), `CAST(${num(1)} AS BIGINT)`, call.args.length > 2 ? `CAST(${num(2)} AS BIGINT)` : undefined);
    case 'replace': return `replace(${text(0)}, ${text(1)}, ${text(2)})`;
    case 'strcontains': return `CASE WHEN ${d.contains(text(0), text(1))} THEN CAST(1 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END`;
    case 'unmask': return text(0);
    // datetime
    case 'bin': return timeFloor(w, '@timestamp-as-ms', arg(0), 'floor');
    case 'datefloor': return timeFloor(w, num(0), arg(1), 'floor');
    case 'dateceil': return timeFloor(w, num(0), arg(1), 'ceil');
    case 'fromMillis': return num(0);
    case 'toMillis': return num(0);
    // IP addresses
    case 'isValidIp': return `coalesce(${d.regexMatches(text(0), pattern(IPV4))} OR ${d.regexMatches(text(0), pattern(IPV6))}, false)`;
    case 'isValidIpV4': return `coalesce(${d.regexMatches(text(0), pattern(IPV4))}, false)`;
    case 'isValidIpV6': return `coalesce(${d.regexMatches(text(0), pattern(IPV6))}, false)`;
    case 'isIpInSubnet':
    case 'isIpv4InSubnet':
    case 'isIpv6InSubnet':
      return ipInSubnet(w, text(0), arg(1));
    // parse modes and addtotals (planner-made calls, not functions a query can name)
    case 'parseLogfmt': return d.logfmtObject(text(0), pattern(LOGFMT_PAIR), pattern(LOGFMT_SPLIT));
    case 'csvField': return d.csvValue(text(0), pattern(CSV_VALUE), csvIndex(arg(1)));
    case 'rowTotal': return rowTotal(w, call.args);
    // JSON
    case 'jsonParse': return d.parseJson(text(0));
    case 'jsonStringify': return text(0);
    // aggregations
    case 'count':
      return call.args.length === 0 || (call.args[0]?.kind === 'literal' && call.args[0].value === '*') ? 'CAST(count(*) AS DOUBLE)' : `CAST(count(${present(0)}) AS DOUBLE)`;
    case 'count_distinct': return `CAST(${d.countDistinct(present(0))} AS DOUBLE)`;
    case 'sum': return `sum(${num(0)})`;
    case 'avg': return `avg(${num(0)})`;
    case 'min': return extreme(w, 'min', arg(0));
    case 'max': return extreme(w, 'max', arg(0));
    case 'pct': return d.percentile(num(0), `(${num(1)} / 100.0)`);
    case 'stddev': return d.stddev(num(0));
    case 'earliest': return d.valueAtExtreme('min', present(0), timestampColumn(w));
    case 'latest': return d.valueAtExtreme('max', present(0), timestampColumn(w));
    case 'sortsFirst': return `min(${text(0)})`;
    case 'sortsLast': return `max(${text(0)})`;
    default:
      throw new Error(`no SQL for function ${call.name}`);
  }
}

function csvIndex(index: PlanExpr): number {
  if (index.kind !== 'literal' || typeof index.value !== 'number') throw new Error('csvField takes a literal position');
  return index.value;
}

/** The sum of the values that are numbers; NULL when none is (the row then has no total). */
function rowTotal(w: ExprRenderer, args: readonly PlanExpr[]): string {
  const numbers = args.map((arg) => w.asNumber(arg));
  if (numbers.length === 0) return 'CAST(NULL AS DOUBLE)';
  return `CASE WHEN ${numbers.map((n) => `${n} IS NULL`).join(' AND ')} THEN NULL ELSE ${numbers.map((n) => `coalesce(${n}, 0)`).join(' + ')} END`;
}

function timestampColumn(w: ExprRenderer): string {
  return w.render({ kind: 'column', name: '@timestamp', type: 'timestamp' }).sql;
}

/** min/max are numeric for numbers and timestamps, textual for strings, and numeric-if-possible for fields. */
function extreme(w: ExprRenderer, which: 'min' | 'max', arg: PlanExpr): string {
  const rendered = w.render(arg);
  return rendered.type === 'string' ? `${which}(${w.toText(rendered)})` : `${which}(${w.toNumber(rendered)})`;
}

function timeFloor(w: ExprRenderer, epochMs: string, period: PlanExpr, mode: 'floor' | 'ceil'): string {
  if (period.kind !== 'period') throw new Error('a time function needs a period');
  const ms = epochMs === '@timestamp-as-ms' ? timestampColumn(w) : epochMs;
  if (period.unit === 'mo' || period.unit === 'q' || period.unit === 'y') return w.dialect.calendarRound(ms, period.unit, period.amount, mode);
  const size = w.bind({ value: period.amount * PERIOD_MS[period.unit], type: 'double' });
  return `(${mode}(${ms} / ${size}) * ${size})`;
}

/** Membership in the CIDR literal's family; the planner has checked that the literal is a CIDR the function takes. */
function ipInSubnet(w: ExprRenderer, address: string, cidrArg: PlanExpr): string {
  const text = cidrArg.kind === 'literal' && typeof cidrArg.value === 'string' ? cidrArg.value : '';
  const v4 = parseIpv4Cidr(text);
  if (v4 !== undefined) return ipv4InSubnet(w, address, v4);
  const v6 = parseIpv6Cidr(text);
  if (v6 === undefined) throw new Error('the planner accepts only CIDR literals here');
  // The address is expanded to 32 hex digits (NULL when it is not IPv6), then matched against the subnet's prefix.
  const expanded = w.dialect.expandIpv6(address, w.bind({ value: IPV6, type: 'text' }));
  return `coalesce(${w.dialect.regexMatches(expanded, w.bind({ value: ipv6SubnetRegex(v6), type: 'text' }))}, false)`;
}

/** IPv4 CIDR membership: the address as a 32-bit number, compared on its network bits. */
function ipv4InSubnet(w: ExprRenderer, address: string, cidr: readonly [number, number, number, number, number]): string {
  const [a, b, c, e, bits] = cidr;
  const block = 2 ** (32 - bits);
  const network = Math.floor((((a * 256 + b) * 256 + c) * 256 + e) / block);
  const d = w.dialect;
  const octet = (n: number): string => `CAST(${d.regexExtract(address, w.bind({ value: IPV4_OCTETS, type: 'text' }), n)} AS DOUBLE)`;
  const value = `(((${octet(1)} * 256 + ${octet(2)}) * 256 + ${octet(3)}) * 256 + ${octet(4)})`;
  return `coalesce(floor(${value} / ${w.bind({ value: block, type: 'double' })}) = ${w.bind({ value: network, type: 'double' })}, false)`;
}

const IPV4_OCTETS = '^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$';
