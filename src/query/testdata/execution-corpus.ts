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
  /** `file:line` of the case's `query:` line, to name the test. */
  readonly source: string;
  readonly line: number;
  readonly query: string;
  /** The `groups:` line, else every group the case's own file seeds. */
  readonly groups: readonly string[];
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

/**
 * The corpus files: our own cases (execution.txt), and AWS's documented examples with the results its pages describe
 * (aws-examples.txt). Their log groups are distinct, so one store can hold both.
 */
export const CORPUS_FILES = ['execution.txt', 'aws-examples.txt'] as const;

/** Every corpus file, events and cases in file order; a case without `groups:` queries its own file's groups. */
export function readExecutionCorpus(): Corpus {
  const corpora = CORPUS_FILES.map(readCorpusFile);
  return { events: corpora.flatMap((c) => c.events), cases: corpora.flatMap((c) => c.cases) };
}

function readCorpusFile(file: string): Corpus {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const events: CorpusEvent[] = [];
  const cases: { line: number; source: string; query: string; rows: string[]; [key: string]: unknown }[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const at = `${file}:${index + 1}`;
    if (line.startsWith('event: ')) {
      const match = /^event: (\S+) (\S+) (\S+) (.*)$/.exec(line);
      if (match === null) throw new Error(`${at}: cannot read event`);
      events.push({ group: match[1] ?? '', stream: match[2] ?? '', timestamp: Date.parse(match[3] ?? ''), message: match[4] ?? '' });
      return;
    }
    if (line.startsWith('query: ')) {
      cases.push({ line: index + 1, source: at, query: line.slice(7), rows: [] });
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
  const ownGroups = [...new Set(events.map((e) => e.group))];
  for (const c of cases) c.groups ??= ownGroups;
  return { events, cases: cases as unknown as CorpusCase[] };
}
