import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Golden files of the query language: a case is a `query:` line followed by `key: value` lines (one per stage:
 * `ast`, `print`, `error`, `at`, later `plan` and `sql`). `#` lines are comments and are kept. With UPDATE_GOLDEN=1
 * the runner rewrites every stage line from what the code produced, so changes are reviewed as diffs.
 */
export interface GoldenQueryCase {
  readonly line: number;
  readonly query: string;
  readonly stages: ReadonlyMap<string, string>;
}

export function readGoldenCases(path: string): GoldenQueryCase[] {
  const cases: { line: number; query: string; stages: Map<string, string> }[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const colon = line.indexOf(': ');
    const key = colon < 0 ? line.replace(/:$/, '') : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 2);
    if (key === 'query') cases.push({ line: index + 1, query: value, stages: new Map() });
    else {
      const current = cases.at(-1);
      if (current === undefined) throw new Error(`${path}:${index + 1}: a case starts with 'query:'`);
      current.stages.set(key, value);
    }
  });
  return cases;
}

/** Rewrites the stage lines of each case with `produce(query)`, keeping comments, blank lines and case order. */
export function updateGoldenFile(path: string, produce: (query: string) => ReadonlyMap<string, string>): void {
  const out: string[] = [];
  let skipping = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('query: ') || line === 'query:') {
      out.push(line);
      for (const [key, value] of produce(line.slice(7))) out.push(`${key}: ${value}`);
      skipping = true;
    } else if (skipping && line.trim() !== '' && !line.startsWith('#')) {
      continue;
    } else {
      skipping = false;
      out.push(line);
    }
  }
  writeFileSync(path, out.join('\n'));
}
