/**
 * How `pattern` turns a log line into its pattern, as data the SQL writer renders (the work runs in the database:
 * every event's template is computed there and grouped there, so a pattern query scales like a `stats`).
 *
 * AWS clusters with machine learning and documents only the result: shared text with dynamic tokens shown as
 * `<string-number>` (`<Time-1> [INFO] Calling DynamoDB to store for resource id <ID-2>`), `<Token-number>` when it
 * cannot tell the type, numbered by position among the dynamic tokens. This server does the deterministic, explainable
 * part of that (Drain's pre-processing, without its tree): a line is split into tokens at delimiters (kept, so the
 * pattern reads like the line); a token is dynamic when it holds a digit, and named by the first rule that matches
 * it; times and IPv6 addresses, which span delimiters, are found first over the whole line. Lines with the same
 * template are one pattern. Templates that differ in a static word are not merged (Drain would merge them when they
 * have the same length): that merge needs every template at once, which a GROUP BY cannot give, and a word that
 * holds no digit is more often meaning (a component, an error name) than a variable [unconfirmed: AWS may merge].
 */

/** Dynamic tokens are carried between SQL steps as MARK_START + type + MARK_END, then numbered into `<type-n>`. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Found over the whole line before it is split, because they contain delimiters (spaces, colons). */
export const PREPASS_RULES: readonly { readonly type: string; readonly regex: string }[] = [
  // 2024-05-01, 2024-05-01T10:00:00.123Z, 2024-05-01 10:00:00,5+02:00
  { type: 'Time', regex: '\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?' },
  // 10:00:01, 7:05:59.250
  { type: 'Time', regex: '\\b\\d{1,2}:\\d{2}:\\d{2}([.,]\\d+)?\\b' },
  // Full (8 groups) or compressed (with ::) colon-hex addresses
  { type: 'IP', regex: '\\b([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\\b|\\b([0-9A-Fa-f]{1,4}:)+:([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?|::[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*\\b' },
];

/** Characters between tokens [unconfirmed: AWS does not list its delimiters]. */
const DELIMITERS = '\\s,;:=\'"()\\[\\]{}<>|';

/** Splits a pre-passed line into marks, tokens and delimiter runs, in order; joined again they give the line. */
export const TOKEN_SPLIT = `${MARK_START}[A-Za-z]+${MARK_END}|[^${DELIMITERS}${MARK_START}${MARK_END}]+|[${DELIMITERS}${MARK_START}${MARK_END}]+`;

/** A token with a digit is dynamic; these name it, first match wins, and anything else is a `Token`. */
export const TOKEN_RULES: readonly { readonly type: string; readonly regex: string }[] = [
  { type: 'UUID', regex: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$' },
  { type: 'IP', regex: '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$' },
  // Hex identifiers of 8+ digits, dash- or underscore-joined (request ids, hashes, 0x addresses)
  { type: 'ID', regex: '^(0x)?[0-9A-Fa-f]{8,}([-_][0-9A-Fa-f]+)*$|^[0-9A-Fa-f]+([-_][0-9A-Fa-f]+)+$' },
];

/** A number, keeping a unit written onto it as static text (`30s` is `<Number-1>s`). */
export const NUMBER_TOKEN = '^[-+]?\\d+(\\.\\d+)?([A-Za-z%]*)$';
export const HAS_DIGIT = '[0-9]';
export const UNKNOWN_TYPE = 'Token';

/** Splits a marked template into pieces that each start with one mark, so marks can be numbered in order. */
export const MARK_PIECES = `${MARK_START}[A-Za-z]+${MARK_END}[^${MARK_START}]*|[^${MARK_START}]+`;
export const MARK_TYPE = `^${MARK_START}([A-Za-z]+)${MARK_END}`;
export const MARK_REST = `${MARK_END}(.*)$`;

/**
 * `@severityLabel` from the pattern's words, the most severe level named [unconfirmed: AWS infers it; its examples
 * are Error, Warning, Info, Debug]. A pattern naming none is `Unknown` [unconfirmed].
 */
export const SEVERITY_RULES: readonly { readonly label: string; readonly regex: string }[] = [
  { label: 'Error', regex: '(?i)\\b(error|err|fatal|critical|crit|severe|panic|emerg|alert)\\b|[a-z]Exception\\b' },
  { label: 'Warning', regex: '(?i)\\b(warn|warning)\\b' },
  { label: 'Info', regex: '(?i)\\b(info|notice|information)\\b' },
  { label: 'Debug', regex: '(?i)\\b(debug|trace)\\b' },
];
export const UNKNOWN_SEVERITY = 'Unknown';
