/**
 * Reads the golden files in this folder. A case starts with a header line (`expr:`, `search:` or `sql:`) and continues
 * with `key: value` lines, `+ <line>` / `- <line>` lines and `= <line>` lines (expected output), until the next
 * header. `#` lines are comments. Each file's header comment documents what its keys mean.
 */
export interface GoldenCase {
  readonly file: string;
  readonly line: number;
  readonly header: 'expr' | 'search' | 'sql';
  readonly text: string;
  /** `key: value` lines in file order (series ids keep request order this way). */
  readonly entries: [key: string, value: string][];
  readonly plus: string[];
  readonly minus: string[];
  readonly expected: string[];
}

const HEADERS = ['expr', 'search', 'sql'] as const;

/** Keys with a meaning of their own; any other lowercase key of a math case is the Id of a MetricStat series. */
export const SETTING_KEYS = new Set(['period', 'start', 'slots', 'print', 'messages', 'error', 'at', 'kind', 'catalog']);

/** True for `m1: 1 2 3` lines: a MetricStat query's series. */
export function isMetricKey(key: string): boolean {
  return /^[a-z]\w*$/.test(key) && !SETTING_KEYS.has(key);
}

export function parseGoldenCases(file: string, text: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  let current: GoldenCase | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) return;
    const where = `${file}:${index + 1}`;
    const header = HEADERS.find((h) => line.startsWith(`${h}: `));
    if (header !== undefined) {
      current = { file, line: index + 1, header, text: line.slice(header.length + 2), entries: [], plus: [], minus: [], expected: [] };
      cases.push(current);
      return;
    }
    if (current === undefined) throw new Error(`${where}: expected a case header first`);
    const body = line.slice(2);
    if (line.startsWith('+ ')) current.plus.push(body);
    else if (line.startsWith('- ')) current.minus.push(body);
    else if (line.startsWith('= ') || line === '=') current.expected.push(body);
    else {
      const colon = line.indexOf(': ');
      if (colon < 0) throw new Error(`${where}: cannot read '${line}'`);
      current.entries.push([line.slice(0, colon), line.slice(colon + 2)]);
    }
  });
  return cases;
}

export function entry(c: GoldenCase, key: string): string | undefined {
  return c.entries.find(([k]) => k === key)?.[1];
}

/** `Namespace | MetricName | Name=Value, Name=Value [| @account]` -> a metric identity. */
export function parseMetricLine(line: string): {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  accountId?: string;
} {
  const [namespace = '', metricName = '', dims = '', account] = line.split(/\s*\|\s*/);
  const dimensions = dims.trim() === '' ? [] : dims.split(', ').map((pair) => {
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  const metric = { namespace: namespace.trim(), metricName: metricName.trim(), dimensions };
  return account === undefined ? metric : { ...metric, accountId: account.trim().replace(/^@/, '') };
}
