import { Nfa } from './regex-nfa.js';
import { literalsOf } from './regex-literals.js';
import type { RegexAlternative } from './regex-syntax.js';

/** Above this many ways to split a text among variable repetitions, backtracking is no longer cheap enough. */
const MAX_BACKTRACKING_CHOICES = 256;

/**
 * A compiled `%regex%`, tested anywhere in a text. V8's backtracking engine is fast but can take O(n^k) on
 * hostile-yet-plausible input (`%\d+x%` on 100 KB of digits runs for minutes), and a log server runs user patterns
 * over large events. So V8 is used only when every repetition is bounded and the choices they allow are few (the
 * documented examples: `%\d{1,3}\.\d{1,3}%`, `%[Ee]rror|[Ff]ail%`, `%colou?r%`); anything with `*`, `+` or `{m,}`
 * runs on a linear-time NFA, after a cheap check for the literal text it needs.
 */
export class AwsRegex {
  private readonly backtracking: RegExp | undefined;
  private readonly nfa: Nfa | undefined;
  private readonly literals: readonly string[];

  /** Throws RangeError when the NFA would be too large. */
  constructor(
    readonly source: string,
    validated: RegExp,
    alternatives: readonly RegexAlternative[],
  ) {
    const cheap = alternatives.every((items) => {
      let choices = 1;
      for (const item of items) if (item.kind === 'set') choices *= item.max - item.min + 1;
      return choices <= MAX_BACKTRACKING_CHOICES;
    });
    this.backtracking = cheap ? validated : undefined;
    this.nfa = cheap ? undefined : new Nfa(alternatives);
    this.literals = cheap ? [] : (literalsOf(alternatives) ?? []);
  }

  test(text: string): boolean {
    if (this.backtracking !== undefined) return this.backtracking.test(text);
    if (this.literals.length > 0 && !this.containsLiteral(text)) return false;
    return this.nfa!.test(text);
  }

  private containsLiteral(text: string): boolean {
    for (let i = 0; i < this.literals.length; i++) if (text.includes(this.literals[i]!)) return true;
    return false;
  }
}
