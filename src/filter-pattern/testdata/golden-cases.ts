/**
 * Reads the golden files in this folder. Each case starts with `pattern: <text>` and continues with
 * `+ <event>` (must match), `- <event>` (must not match), `= <json>` (the extractedValues of the preceding `+`
 * event), or `error: <substring>` / `at: <position>` for patterns that must be rejected. `#` lines are comments.
 * Everything after the two-character prefix is taken verbatim, spaces included.
 */
export interface GoldenEvent {
  readonly message: string;
  readonly matches: boolean;
  extracted?: Readonly<Record<string, string>>;
}

export interface GoldenCase {
  readonly file: string;
  readonly line: number;
  readonly pattern: string;
  readonly events: GoldenEvent[];
  error?: string;
  at?: number;
}

export function parseGoldenCases(file: string, text: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  let current: GoldenCase | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const where = `${file}:${index + 1}`;
    if (line.trim() === '' || line.startsWith('#')) return;
    if (line.startsWith('pattern: ') || line === 'pattern:') {
      current = { file, line: index + 1, pattern: line.slice('pattern: '.length), events: [] };
      cases.push(current);
      return;
    }
    if (current === undefined) throw new Error(`${where}: expected 'pattern:' first`);
    const body = line.slice(2);
    if (line.startsWith('+ ') || line.startsWith('- ')) {
      current.events.push({ message: body, matches: line.startsWith('+') });
    } else if (line.startsWith('= ')) {
      const last = current.events[current.events.length - 1];
      if (last === undefined || !last.matches) throw new Error(`${where}: '=' must follow a '+' event`);
      last.extracted = JSON.parse(body) as Record<string, string>;
    } else if (line.startsWith('error: ')) {
      current.error = line.slice('error: '.length);
    } else if (line.startsWith('at: ')) {
      current.at = Number(line.slice('at: '.length));
    } else {
      throw new Error(`${where}: cannot read '${line}'`);
    }
  });
  return cases;
}
