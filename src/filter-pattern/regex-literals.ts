import { parseRegexSyntax, type RegexAlternative } from './regex-syntax.js';

/**
 * Literal text a validated AWS regex cannot match without: one string per top-level alternative (a matching text
 * contains at least one of them), or `undefined` when some alternative has no mandatory literal. It feeds the storage
 * prefilter and the matcher's quick rejection, so it errs on the side of less: assertions, classes and optional or
 * repeated atoms end the current literal run.
 */
export function requiredRegexLiterals(source: string): readonly string[] | undefined {
  return literalsOf(parseRegexSyntax(source));
}

export function literalsOf(alternatives: readonly RegexAlternative[]): readonly string[] | undefined {
  const literals = new Set<string>();
  for (const items of alternatives) {
    let best = '';
    let run = '';
    for (const item of items) {
      const single = item.kind === 'set' && item.ranges.length === 2 && item.ranges[0] === item.ranges[1];
      if (single && item.min >= 1) run += String.fromCharCode(item.ranges[0]!);
      if (!single || item.kind !== 'set' || item.min < 1 || item.max !== 1) {
        if (run.length > best.length) best = run;
        run = '';
      }
    }
    if (run.length > best.length) best = run;
    if (best === '') return undefined;
    literals.add(best);
  }
  return [...literals];
}
