import { previousRange, type TimeRange } from '../diff-window.js';
import {
  HAS_DIGIT, MARK_END, MARK_PIECES, MARK_REST, MARK_START, MARK_TYPE, NUMBER_TOKEN, PREPASS_RULES, SEVERITY_RULES,
  TOKEN_RULES, TOKEN_SPLIT, UNKNOWN_SEVERITY, UNKNOWN_TYPE,
} from '../pattern-tokens.js';
import type { Stage } from '../plan.js';
import type { ExprRenderer } from './expr-renderer.js';

type PatternStage = Extract<Stage, { kind: 'pattern' }>;

/** Generated column names of the three CTEs; `q` quotes one. */
export interface PatternNames {
  readonly template: string;
  readonly inCurrent: string;
  readonly inPrevious: string;
  readonly pattern: string;
  readonly ratio: string;
  readonly sampleCount: string;
  readonly previousCount: string;
  readonly severity: string;
  readonly change: string;
  readonly changeType: string;
}

export interface PatternSql {
  /** One row per input event: its marked template (and, with a diff, which ranges it falls in). */
  readonly templates: string;
  /** One row per template: the numbered pattern and its counts. */
  readonly groups: (templatesCte: string) => string;
  /** The pattern rows with their severity (and change). */
  readonly labelled: (groupsCte: string) => string;
}

/**
 * The SQL of a `pattern` stage (pattern-tokens.ts says how a line becomes a template): per event, the pre-pass
 * regexes, then every token classified in a lambda over the line's pieces; then GROUP BY the template, where the
 * marks are numbered (on the distinct templates only, which are few); then the severity from the pattern's words.
 */
export function patternSql(w: ExprRenderer, stage: PatternStage, input: { from: string; timestamp: string; range?: TimeRange; names: PatternNames; q: (name: string) => string }): PatternSql {
  const d = w.dialect;
  const text = (value: string): string => w.bind({ value, type: 'text' });
  const { names, q } = input;
  const source = w.asText(stage.source);
  let line = source;
  for (const rule of PREPASS_RULES) line = d.regexReplaceAll(line, text(rule.regex), text(mark(rule.type)));
  const template = d.mapPieces(line, text(TOKEN_SPLIT), (token) => classify(w, token));
  const windows: string[] = [];
  if (stage.comparison !== undefined) {
    if (input.range === undefined) throw new Error('a diff needs the query time range');
    const previous = previousRange(input.range, stage.comparison);
    const within = (range: TimeRange): string =>
      `(${input.timestamp} >= ${w.bind({ value: range.start, type: 'bigint' })} AND ${input.timestamp} <= ${w.bind({ value: range.end, type: 'bigint' })})`;
    windows.push(`${within(input.range)} AS ${q(names.inCurrent)}`, `${within(previous)} AS ${q(names.inPrevious)}`);
  }
  const templates = `SELECT ${[`${template} AS ${q(names.template)}`, ...windows].join(', ')} FROM ${input.from} WHERE ${source} IS NOT NULL`;

  const numbered = d.mapPieces(
    q(names.template),
    text(MARK_PIECES),
    (piece, ordinal) =>
      `CASE WHEN ${d.regexMatches(piece, text(`^${MARK_START}`))} THEN '<' || ${d.regexExtract(piece, text(MARK_TYPE), 1)} || '-' || ${ordinal} || '>' || coalesce(${d.regexExtract(piece, text(MARK_REST), 1)}, '') ELSE ${piece} END`,
    (piece) => d.regexMatches(piece, text(`^${MARK_START}`)),
  );
  const groups = (from: string): string => {
    if (stage.comparison === undefined) {
      const count = 'CAST(count(*) AS DOUBLE)';
      return `SELECT ${numbered} AS ${q(names.pattern)}, ${count} / sum(${count}) OVER () AS ${q(names.ratio)}, ${count} AS ${q(names.sampleCount)} FROM ${q(from)} GROUP BY ${q(names.template)}`;
    }
    const current = `CAST(sum(CASE WHEN ${q(names.inCurrent)} THEN 1 ELSE 0 END) AS DOUBLE)`;
    const previous = `CAST(sum(CASE WHEN ${q(names.inPrevious)} THEN 1 ELSE 0 END) AS DOUBLE)`;
    return `SELECT ${numbered} AS ${q(names.pattern)}, ${current} / NULLIF(sum(${current}) OVER (), 0) AS ${q(names.ratio)}, ${current} AS ${q(names.sampleCount)}, ${previous} AS ${q(names.previousCount)} FROM ${q(from)} WHERE ${q(names.inCurrent)} OR ${q(names.inPrevious)} GROUP BY ${q(names.template)}`;
  };

  const labelled = (from: string): string => {
    const pattern = q(names.pattern);
    const severity = `CASE ${SEVERITY_RULES.map((rule) => `WHEN ${d.regexMatches(pattern, text(rule.regex))} THEN ${text(rule.label)}`).join(' ')} ELSE ${text(UNKNOWN_SEVERITY)} END`;
    const columns = [`${severity} AS ${q(names.severity)}`];
    if (stage.comparison !== undefined) {
      const [now, before] = [q(names.sampleCount), q(names.previousCount)];
      columns.push(`${now} - ${before} AS ${q(names.change)}`);
      const type = `CASE WHEN ${before} = 0 THEN 'New' WHEN ${now} = 0 THEN 'Gone' WHEN ${now} > ${before} THEN 'Increased' WHEN ${now} < ${before} THEN 'Decreased' ELSE 'Unchanged' END`;
      columns.push(`${type} AS ${q(names.changeType)}`);
    }
    return `SELECT *, ${columns.join(', ')} FROM ${q(from)}`;
  };
  return { templates, groups, labelled };
}

function mark(type: string): string {
  return `${MARK_START}${type}${MARK_END}`;
}

/** A token as it stays (marks, and words without a digit) or as the mark of its type. */
function classify(w: ExprRenderer, token: string): string {
  const d = w.dialect;
  const text = (value: string): string => w.bind({ value, type: 'text' });
  const rules = TOKEN_RULES.map((rule) => `WHEN ${d.regexMatches(token, text(rule.regex))} THEN ${text(mark(rule.type))}`);
  const number = `WHEN ${d.regexMatches(token, text(NUMBER_TOKEN))} THEN ${text(mark('Number'))} || ${d.regexExtract(token, text(NUMBER_TOKEN), 2)}`;
  return `CASE WHEN ${d.regexMatches(token, text(`^${MARK_START}`))} THEN ${token} WHEN NOT ${d.regexMatches(token, text(HAS_DIGIT))} THEN ${token} ${rules.join(' ')} ${number} ELSE ${text(mark(UNKNOWN_TYPE))} END`;
}
