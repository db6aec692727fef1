import type { PathStep } from '../plan.js';
import type { SqlDialect } from './dialect.js';

const CALENDAR_MONTHS = { mo: 1, q: 3, y: 12 } as const;

/** DuckDB's hooks: `$n` placeholders, JSONPath text bound as a parameter, RE2 regexes, epoch-millisecond BIGINT times. */
export const duckDbDialect: SqlDialect = {
  name: 'duckdb',
  placeholder: (index) => `$${index}`,
  quoteIdentifier: (name) => `"${name.replace(/"/g, '""')}"`,
  tryNumber: (sql) => `TRY_CAST(${sql} AS DOUBLE)`,
  // A digit run becomes its length (one digit, '1'..'9', so it still sorts among the digits against other
  // characters) followed by the run: "5A" < "111A" < "2345_". Runs of nine digits and more share the length '9'.
  naturalSortKey: (sql) =>
    `array_to_string(list_transform(regexp_extract_all(${sql}, '[0-9]+|[^0-9]+'), chunk -> CASE WHEN regexp_full_match(chunk, '[0-9]+') THEN chr(CAST(48 + least(length(chunk), 9) AS INTEGER)) || chunk ELSE chunk END), '')`,
  // DuckDB prints 3.0 for a whole DOUBLE; queries show 3, and large values without exponent surprises.
  numberText: (sql) => `CASE WHEN ${sql} = trunc(${sql}) AND abs(${sql}) < 1e15 THEN CAST(CAST(${sql} AS BIGINT) AS VARCHAR) ELSE CAST(${sql} AS VARCHAR) END`,
  // Only a guard, no parse: validating (json_valid) and casting (CAST AS JSON) each parse the whole message again,
  // which tripled the cost of a JSON field query. The one parse happens in jsonValue, where TRY turns the error an
  // invalid JSON message raises into NULL, as json_valid did.
  // The same test as "ltrim, then starts with { or [", without copying each message to trim it (a third of a scan).
  parseJson: (text) => `CASE WHEN regexp_matches(${text}, '^ *[[{]') THEN ${text} END`,
  jsonValue: (json, path, bind) => `TRY(json_extract_string(${json}, ${bind({ value: jsonPath(path), type: 'text' })}))`,
  contains: (text, search) => `contains(${text}, ${search})`,
  regexMatches: (text, pattern) => `regexp_matches(${text}, ${pattern})`,
  regexGroup: (text, pattern, group) => `regexp_extract(${text}, ${pattern}, ${group})`,
  regexExtract: (text, pattern, group) => `CASE WHEN regexp_matches(${text}, ${pattern}) THEN regexp_extract(${text}, ${pattern}, ${group}) END`,
  expandIpv6: (text, valid) => {
    const groups = (half: 1 | 2): string => `list_filter(string_split(split_part(${text}, '::', ${half}), ':'), g -> g <> '')`;
    const zeros = `list_transform(range(8 - len(${groups(1)}) - len(${groups(2)})), z -> '0')`;
    const all = `CASE WHEN contains(${text}, '::') THEN list_concat(${groups(1)}, ${zeros}, ${groups(2)}) ELSE string_split(${text}, ':') END`;
    return `CASE WHEN regexp_matches(${text}, ${valid}) THEN lower(array_to_string(list_transform(${all}, g -> lpad(g, 4, '0')), '')) END`;
  },
  regexReplaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${pattern}, ${replacement}, 'g')`,
  // Lambdas over the pieces: `pieces[1:i]` are the pieces up to this one, so the ordinal is a count over a slice.
  mapPieces: (text, split, rewrite, counted) => {
    const pieces = `regexp_extract_all(${text}, ${split})`;
    const ordinal = counted === undefined ? "''" : `CAST(len(list_filter(${pieces}[1:i], prior -> ${counted('prior')})) AS VARCHAR)`;
    return `array_to_string(list_transform(${pieces}, (piece, i) -> ${rewrite('piece', ordinal)}), '')`;
  },
  power: (base, exponent) => `pow(${base}, ${exponent})`,
  modulo: (left, right) => `fmod(${left}, NULLIF(${right}, 0))`,
  naturalLog: (sql) => `CASE WHEN ${sql} > 0 THEN ln(${sql}) END`,
  codePointLength: (sql) => `length(${sql})`,
  substring: (sql, start, length) => (length === undefined ? `substring(${sql}, ${start} + 1)` : `substring(${sql}, ${start} + 1, ${length})`),
  trim: (side, sql, characters) => {
    const fn = side === 'both' ? 'trim' : side === 'left' ? 'ltrim' : 'rtrim';
    return characters === undefined ? `${fn}(${sql})` : `${fn}(${sql}, ${characters})`;
  },
  calendarRound: (epochMs, unit, amount, mode) => {
    const interval = `INTERVAL '${CALENDAR_MONTHS[unit] * amount} months'`;
    const floored = `time_bucket(${interval}, make_timestamp(CAST(${epochMs} AS BIGINT) * 1000))`;
    const floorMs = `CAST(epoch_ms(${floored}) AS DOUBLE)`;
    return mode === 'floor' ? floorMs : `CASE WHEN ${floorMs} = ${epochMs} THEN ${floorMs} ELSE CAST(epoch_ms(${floored} + ${interval}) AS DOUBLE) END`;
  },
  percentile: (sql, fraction) => `quantile_disc(${sql}, ${fraction})`,
  valueAtExtreme: (extreme, value, by) => `${extreme === 'min' ? 'arg_min' : 'arg_max'}(${value}, ${by})`,
  stddev: (sql) => `stddev_samp(${sql})`,
  countDistinct: (sql) => `count(DISTINCT ${sql})`,
  regexMatchList: (text, pattern, group) => `coalesce(regexp_extract_all(${text}, ${pattern}, ${group}), [])`,
  // A one-item list and a lambda name the value once instead of rendering it three times.
  jsonItems: (sql) =>
    `list_transform([${sql}], v -> CASE WHEN v IS NULL THEN []::VARCHAR[] WHEN TRY(json_type(v)) = 'ARRAY' THEN json_extract_string(v, '$[*]') ELSE [CAST(v AS VARCHAR)] END)[1]`,
  explode: (input, lists, ordinal, keepEmpty) => {
    const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
    const list = (sql: string): string => (keepEmpty ? `CASE WHEN len(coalesce(${sql}, [])) = 0 THEN [NULL] ELSE ${sql} END` : sql);
    const first = lists[0];
    if (first === undefined) throw new Error('explode needs a list');
    const columns = lists.map((l) => `UNNEST(${list(l.sql)}) AS ${q(l.name)}`);
    columns.push(`UNNEST(range(1, len(${list(first.sql)}) + 1)) AS ${q(ordinal)}`);
    return `SELECT *, ${columns.join(', ')} FROM ${input}`;
  },
  logfmtObject: (text, pair, split) => {
    const value = `list_transform([regexp_extract(p, ${split}, 2)], v -> CASE WHEN length(v) >= 2 AND starts_with(v, '"') AND ends_with(v, '"') THEN regexp_replace(v[2:-2], '\\\\(.)', '\\1', 'g') ELSE v END)[1]`;
    const members = `list_transform(regexp_extract_all(${text}, ${pair}), p -> to_json(regexp_extract(p, ${split}, 1)) || ':' || to_json(${value}))`;
    return `list_transform([${members}], m -> CASE WHEN len(m) > 0 THEN '{' || array_to_string(m, ',') || '}' END)[1]`;
  },
  csvValue: (text, valueSql, index) =>
    `list_transform([regexp_extract_all(${text}, ${valueSql}, 1)[${index}]], v -> CASE WHEN length(v) >= 2 AND starts_with(v, '"') AND ends_with(v, '"') THEN replace(v[2:-2], '""', '"') ELSE v END)[1]`,
  firstPerPartition: (input, partition, order, keepWhere) =>
    `SELECT * FROM ${input} QUALIFY row_number() OVER (PARTITION BY ${partition.join(', ')}${order === '' ? '' : ` ORDER BY ${order}`}) = 1 OR ${keepWhere}`,
};

/** `$.a."b-c"[0]`: keys quoted unless they are plain identifiers. The path is bound, never spliced. */
function jsonPath(path: readonly PathStep[]): string {
  return `$${path.map((step) => ('index' in step ? `[${step.index}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(step.key) ? `.${step.key}` : `."${step.key.replace(/"/g, '\\"')}"`)).join('')}`;
}
