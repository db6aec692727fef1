/**
 * AWS's SEARCH tokenisation (search-expression-syntax.html, "Tokenization" and "Partial matches"):
 * - a name splits into tokens at camel-case boundaries, at the start of digit runs and at non-alphanumeric characters
 *   (`SDBFailure` -> SDB, Failure; `Project2-trial333` -> Project, 2, trial, 333); the whole name with delimiters
 *   removed, lowercased, is one more token (`project2trial333`);
 * - a search term is tokenised the same way; a term word that yields one token matches case-insensitively, a word that
 *   yields several (a "composite" like `CustomCount`) must match consecutive tokens with the same case;
 * - consecutive words of a term (`network/errors`) must match consecutive tokens of the name.
 * Checked against every example on that page: `count`/`Count`/`COUNT` and `CustomCount`/`Count1` find `CustomCount1`;
 * `couNT`, `customcount` and `count1` do not; `network/errors`, `network+errors`, `Network_Errors` find both
 * `Network-Errors-2` and `NetworkErrors2`.
 */
interface TermToken {
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** Camel-case, digit-run and delimiter split of one name, keeping the original case. */
export function nameTokens(name: string): string[] {
  return words(name).flatMap(splitWord);
}

/** The whole-name token: alphanumerics only, lowercased (`Project2-trial333` -> `project2trial333`). */
export function fullToken(name: string): string {
  return words(name).join('').toLowerCase();
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
}

function splitWord(word: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = kind(word.charAt(i - 1));
    const cur = kind(word.charAt(i));
    const nextIsLower = kind(word.charAt(i + 1)) === 'lower';
    const boundary =
      (prev === 'digit') !== (cur === 'digit') ||
      (prev === 'lower' && cur === 'upper') ||
      (prev === 'upper' && cur === 'upper' && nextIsLower);
    if (boundary) {
      tokens.push(word.slice(start, i));
      start = i;
    }
  }
  tokens.push(word.slice(start));
  return tokens;
}

function kind(ch: string): 'upper' | 'lower' | 'digit' | 'none' {
  if (ch >= 'A' && ch <= 'Z') return 'upper';
  if (ch >= 'a' && ch <= 'z') return 'lower';
  if (ch >= '0' && ch <= '9') return 'digit';
  return 'none';
}

function termTokens(term: string): TermToken[] {
  return words(term).flatMap((word) => {
    const parts = splitWord(word);
    return parts.map((text) => ({ text, caseSensitive: parts.length > 1 }));
  });
}

/** True when the unquoted search term matches `name` by AWS's partial-match rules. */
export function partialMatch(term: string, name: string): boolean {
  const wanted = termTokens(term);
  if (wanted.length === 0) return false;
  if (fullToken(term) === fullToken(name)) return true;
  const have = nameTokens(name);
  for (let start = 0; start + wanted.length <= have.length; start++) {
    const matches = wanted.every((token, i) => {
      const candidate = have[start + i] ?? '';
      return token.caseSensitive ? candidate === token.text : candidate.toLowerCase() === token.text.toLowerCase();
    });
    if (matches) return true;
  }
  return false;
}
