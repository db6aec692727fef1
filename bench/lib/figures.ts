/** What a bench measured: ratios against same-run baselines first, then absolute figures, each beside its goal. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Human-readable goal, e.g. `>= 400,000`; empty for context figures that have no goal. */
  readonly goal: string;
  /** Whether the goal is met; absent for context figures. */
  readonly met?: boolean;
}

export interface BenchResult {
  readonly bench: string;
  /** Ratios against the same-run baseline. */
  readonly ratios: readonly Figure[];
  readonly absolutes: readonly Figure[];
  /** Verification outcomes and anything a reader must know to trust (or distrust) the figures. */
  readonly notes: readonly string[];
}

export function atLeast(name: string, value: number, unit: string, goal: number): Figure {
  return { name, value, unit, goal: `>= ${formatValue(goal)}`, met: value >= goal };
}

export function atMost(name: string, value: number, unit: string, goal: number): Figure {
  return { name, value, unit, goal: `<= ${formatValue(goal)}`, met: value <= goal };
}

export function context(name: string, value: number, unit: string): Figure {
  return { name, value, unit, goal: '' };
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function verdict(figure: Figure): string {
  if (figure.met === undefined) return '';
  return figure.met ? 'met' : 'MISSED';
}

const NUMERIC = /^-?[\d,]+(\.\d+)?$/;

/** Renders rows as an aligned text table; numbers are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (NUMERIC.test(cell) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function figureRows(figures: readonly Figure[], prefix: readonly string[] = []): string[][] {
  return figures.map((figure) => [
    ...prefix,
    figure.name,
    formatValue(figure.value),
    figure.unit,
    figure.goal,
    verdict(figure),
  ]);
}

export function printBenchResult(result: BenchResult): void {
  const header = ['figure', 'value', 'unit', 'goal', ''];
  console.log(`\n== ${result.bench}: ratios against same-run baselines ==`);
  console.log(table(header, figureRows(result.ratios)));
  console.log(`\n== ${result.bench}: absolute figures ==`);
  console.log(table(header, figureRows(result.absolutes)));
  for (const note of result.notes) console.log(`  note: ${note}`);
}
