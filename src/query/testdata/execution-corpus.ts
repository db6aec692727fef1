import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The execution corpus every LogQueryEngine adapter must pass: seeded events, then queries with their exact
 * expected rows. Format (execution.txt): `event: <group> <stream> <ISO time> <message>` lines seed the store, in
 * order; a case is `query: <text>`, optional `groups: a, b`, `start:`/`end:` (ISO), `limit:`, then `= ` lines, one
 * per expected row in result order, each `field=value` pairs joined by ` | ` (`@ptr` left out), or `error: <text>`.
 */
export interface CorpusEvent {
  readonly group: string;
  readonly stream: string;
  readonly timestamp: number;
  readonly message: string;
}

export interface CorpusCase {
  readonly line: number;
  readonly query: string;
  readonly groups?: readonly string[];
  readonly start?: number;
  readonly end?: number;
  readonly limit?: number;
  readonly rows: readonly string[];
  readonly error?: string;
  readonly matched?: number;
}

export interface Corpus {
  readonly events: readonly CorpusEvent[];
  readonly cases: readonly CorpusCase[];
}

export function readExecutionCorpus(): Corpus {
  const path = fileURLToPath(new URL('./execution.txt', import.meta.url));
  const events: CorpusEvent[] = [];
  const cases: { line: number; query: string; rows: string[]; [key: string]: unknown }[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const at = `execution.txt:${index + 1}`;
    if (line.startsWith('event: ')) {
      const match = /^event: (\S+) (\S+) (\S+) (.*)$/.exec(line);
      if (match === null) throw new Error(`${at}: cannot read event`);
      events.push({ group: match[1] ?? '', stream: match[2] ?? '', timestamp: Date.parse(match[3] ?? ''), message: match[4] ?? '' });
      return;
    }
    if (line.startsWith('query: ')) {
      cases.push({ line: index + 1, query: line.slice(7), rows: [] });
      return;
    }
    const current = cases.at(-1);
    if (current === undefined) throw new Error(`${at}: a case starts with 'query:'`);
    if (line.startsWith('= ') || line === '=') current.rows.push(line.slice(2));
    else if (line.startsWith('groups: ')) current.groups = line.slice(8).split(',').map((g) => g.trim());
    else if (line.startsWith('start: ')) current.start = Date.parse(line.slice(7));
    else if (line.startsWith('end: ')) current.end = Date.parse(line.slice(5));
    else if (line.startsWith('limit: ')) current.limit = Number(line.slice(7));
    else if (line.startsWith('matched: ')) current.matched = Number(line.slice(9));
    else if (line.startsWith('error: ')) current.error = line.slice(7);
    else throw new Error(`${at}: cannot read '${line}'`);
  });
  return { events, cases: cases as unknown as CorpusCase[] };
}
