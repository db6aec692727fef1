import type { PlanExpr } from './plan.js';

/**
 * Fields Logs Insights discovers in the plain-text logs of AWS log types ("Supported logs and discovered fields"):
 * Lambda's platform lines (`START`, `END`, `REPORT RequestId: ...`), VPC flow logs in the default format and Route 53
 * public DNS query logs. CloudTrail logs are JSON, so the JSON flattening already discovers theirs.
 *
 * AWS decides by log type; we decide by the line's shape, which the patterns pin down tightly enough (a Lambda
 * platform line; exactly the fourteen values of a version-2 flow record ending in a log status; the ten of a
 * version-1.0 DNS query record) that another kind of log does not match by accident. Each field is a regex capture on `@message`, null when the line is not
 * of that type, so a query mixing log types simply sees the field absent elsewhere.
 */

const MESSAGE: PlanExpr = { kind: 'column', name: '@message', type: 'string' };

const capture = (pattern: string, group = 1): PlanExpr => ({ kind: 'extract', source: MESSAGE, pattern, group, type: 'string' });

/**
 * A figure of the line as a number, scaled to the unit Insights reports (so `max(@duration)` compares numbers and
 * `250.00` shows as `250`). Arithmetic is the plan's conversion to a number; by 1 it changes nothing else.
 */
const figure = (pattern: string, scale = 1): PlanExpr => ({
  kind: 'arithmetic',
  op: '*',
  left: capture(pattern),
  right: { kind: 'literal', value: scale, type: 'number' },
  type: 'number',
});
/** Lambda reports memory in MB; Insights shows bytes, of 1,000,000 to the MB [unconfirmed: decimal MB]. */
const MEGABYTE = 1_000_000;

const LAMBDA_PLATFORM = '^(?:START|END|REPORT) RequestId: ';
/** A `REPORT` line's tab-separated `Label: value unit` figure (a tab, so `Duration` never finds `Billed Duration`). */
const report = (label: string, value: string, unit: string): string => `^REPORT RequestId: \\S+\\t(?:.*\\t)?${label}: (${value}) ${unit}`;

/** A Lambda field: the regex whose group 1 holds it, and, for figures, the number its text is multiplied by. */
interface LambdaField {
  readonly pattern: string;
  readonly scale?: number;
}

/**
 * Lambda: `@type` and `@requestId` on the platform lines (and `@requestId` on the runtimes' own
 * `time<TAB>requestId<TAB>LEVEL<TAB>text` lines); the figures of a `REPORT` line.
 */
const LAMBDA_FIELDS: ReadonlyMap<string, LambdaField> = new Map([
  ['@type', { pattern: '^(START|END|REPORT) RequestId: ' }],
  ['@requestId', { pattern: `(?:${LAMBDA_PLATFORM}|^\\S+\\t)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b` }],
  ['@duration', { pattern: report('Duration', '[0-9.]+', 'ms'), scale: 1 }],
  ['@billedDuration', { pattern: report('Billed Duration', '[0-9.]+', 'ms'), scale: 1 }],
  ['@initDuration', { pattern: report('Init Duration', '[0-9.]+', 'ms'), scale: 1 }],
  ['@memorySize', { pattern: report('Memory Size', '[0-9]+', 'MB'), scale: MEGABYTE }],
  ['@maxMemoryUsed', { pattern: report('Max Memory Used', '[0-9]+', 'MB'), scale: MEGABYTE }],
  ['@xrayTraceId', { pattern: '^REPORT RequestId: \\S+\\t(?:.*\\t)?XRAY TraceId: (\\S+)' }],
  ['@xraySegmentId', { pattern: '^REPORT RequestId: \\S+\\t(?:.*\\t)?XRAY TraceId: \\S+\\tSegmentId: (\\S+)' }],
]);

/** A plain-text log format: the space-separated values of a line, each a regex, and the field each one is. */
interface TextFormat {
  readonly values: readonly string[];
  readonly fields: readonly string[];
}

const TEXT_FORMATS: readonly TextFormat[] = [
  {
    // VPC flow logs, the default (version 2) format.
    values: ['2', '\\S+', 'eni-\\S+', ...Array<string>(10).fill('\\S+'), 'OK|NODATA|SKIPDATA'],
    fields: ['version', 'accountId', 'interfaceId', 'srcAddr', 'dstAddr', 'srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'startTime', 'endTime', 'action', 'logStatus'],
  },
  {
    // Route 53 public DNS query logs (format 1.0); the tenth value, the EDNS client subnet, is not in the table.
    values: ['1\\.0', '\\d{4}-\\d\\d-\\d\\dT\\S+Z', ...Array<string>(4).fill('\\S+'), 'UDP|TCP', '\\S+', '\\S+', '\\S+'],
    fields: ['version', 'queryTimestamp', 'hostZoneId', 'queryName', 'queryType', 'responseCode', 'protocol', 'edgeLocation', 'resolverIp'],
  },
];

/** The whole-line pattern of `format` capturing only value `index` (engines cap group numbers, DuckDB at 9). */
function valuePattern(format: TextFormat, index: number): string {
  return `^${format.values.map((value, i) => (i === index ? `(${value})` : `(?:${value})`)).join(' ')}$`;
}

/** The discovered `@` field of a Lambda line, if `name` is one. */
export function lambdaField(name: string): PlanExpr | undefined {
  const field = LAMBDA_FIELDS.get(name);
  if (field === undefined) return undefined;
  return field.scale === undefined ? capture(field.pattern) : figure(field.pattern, field.scale);
}

/**
 * The text-format field `name`, if a format has one, read from a line of that format. A JSON event's own field of the
 * same name comes first: no JSON text matches these shapes, and JSON logs naming a field `bytes` keep meaning theirs.
 */
export function textFormatField(name: string, fromJson: PlanExpr): PlanExpr | undefined {
  const captures = TEXT_FORMATS.flatMap((format) => {
    const index = format.fields.indexOf(name);
    return index < 0 ? [] : [capture(valuePattern(format, index))];
  });
  if (captures.length === 0) return undefined;
  return { kind: 'function', name: 'coalesce', args: [fromJson, ...captures], type: 'dynamic' };
}

let compiled: readonly { readonly name: string; readonly test: RegExp }[] | undefined;

/**
 * The discovered fields of the text formats above that `message` has, for GetLogGroupFields. The patterns are
 * written in the subset RE2 and JavaScript share, so one definition serves the database and this test.
 */
export function discoveredTextFields(message: string): string[] {
  compiled ??= [
    ...[...LAMBDA_FIELDS].map(([name, field]) => ({ name, test: new RegExp(field.pattern) })),
    ...TEXT_FORMATS.flatMap((format) => format.fields.map((name, index) => ({ name, test: new RegExp(valuePattern(format, index)) }))),
  ];
  return [...new Set(compiled.filter((field) => field.test.test(message)).map((field) => field.name))];
}
