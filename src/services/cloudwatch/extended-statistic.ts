import type { ExtendedStatistic, StatisticBound } from '../../storage/index.js';

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const SHORT = new RegExp(`^(p|tm|tc|ts|wm)(${NUMBER})$`);
const RANGE = new RegExp(`^(TM|TC|TS|WM|PR)\\((${NUMBER}%?)?:(${NUMBER}%?)?\\)$`);

const KINDS = {
  tm: 'trimmedMean', tc: 'trimmedCount', ts: 'trimmedSum', wm: 'winsorizedMean', pr: 'percentRank',
} as const satisfies Record<string, Exclude<ExtendedStatistic['kind'], 'percentile'>>;

/**
 * Parses an extended statistic name (spec 9.6): `p99`, `p99.9`, `tm90` (= TM(:90%)), `tc90`, `ts90`, `wm90`, `IQM`
 * (= TM(25%:75%)), and the uppercase ranges `TM(10%:90%)`, `TM(:95%)`, `TM(150:1000)`, `PR(10:50)`. Percentages go
 * from 0 to 100 and a range needs at least one bound. Undefined when the name is none of these.
 */
export function parseExtendedStatistic(name: string): ExtendedStatistic | undefined {
  if (name === 'IQM') return { kind: 'trimmedMean', lower: { percent: 25 }, upper: { percent: 75 } };
  const short = SHORT.exec(name);
  if (short !== null) {
    const percent = Number(short[2]);
    if (percent > 100) return undefined;
    const prefix = short[1] as 'p' | keyof typeof KINDS;
    return prefix === 'p' ? { kind: 'percentile', percent } : { kind: KINDS[prefix], upper: { percent } };
  }
  const range = RANGE.exec(name);
  if (range === null || (range[2] === undefined && range[3] === undefined)) return undefined;
  const lower = bound(range[2]);
  const upper = bound(range[3]);
  if (lower === null || upper === null) return undefined;
  const kind = KINDS[(range[1] ?? '').toLowerCase() as keyof typeof KINDS];
  return { kind, ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) };
}

/** undefined: no bound; null: an impossible one (a percentage above 100). */
function bound(text: string | undefined): StatisticBound | undefined | null {
  if (text === undefined) return undefined;
  if (!text.endsWith('%')) return { value: Number(text) };
  const percent = Number(text.slice(0, -1));
  return percent > 100 ? null : { percent };
}
