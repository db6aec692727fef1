/**
 * AWS's statistic names (spec 9.2/9.6): the five basic statistics and the extended forms. Used to validate the
 * statistic of SEARCH and to let a data layer reject what AWS rejects.
 */
const BASIC = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum', 'IQM']);
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const BOUND = String.raw`(?:${NUMBER}%?)`;
/** `p99`, `p99.9`, `tm90`, `wm99`, `tc90`, `ts90` (lowercase short forms carry one number). */
const SHORT = new RegExp(`^(?:p|tm|tc|ts|wm)${NUMBER}$`);
/** `TM(10%:90%)`, `TM(:95%)`, `TM(150:1000)`, `PR(10:)`: uppercase range forms. */
const RANGE = new RegExp(`^(?:TM|TC|TS|WM|PR)\\((?:${BOUND}:${BOUND}?|:${BOUND})\\)$`);

export function isValidStatistic(statistic: string): boolean {
  if (BASIC.has(statistic) || RANGE.test(statistic)) return true;
  if (!SHORT.test(statistic)) return false;
  const value = Number(statistic.replace(/^[a-z]+/, ''));
  return value >= 0 && value <= 100;
}

/**
 * AWS's rule for a period (spec 9.4): 1, 5, 10, 20, 30 (high resolution) or a multiple of 60.
 */
export function isValidPeriod(seconds: number): boolean {
  if (!Number.isInteger(seconds) || seconds <= 0) return false;
  return [1, 5, 10, 20, 30].includes(seconds) || seconds % 60 === 0;
}
