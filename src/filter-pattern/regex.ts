import { AwsRegex } from './aws-regex.js';
import { FilterPatternError } from './filter-pattern-error.js';
import { parseRegexSyntax } from './regex-syntax.js';

/**
 * AWS's regex dialect for `%...%` (FilterAndPatternSyntax, "Supported regular expressions"): ASCII letters and
 * digits; the symbols `_ # = @ / ; , - :`; the operators `^ $ ? [ ] { } | \ * + .`. Parentheses (so groups,
 * lookarounds and backreferences) and multi-byte characters are rejected. We also accept the space: AWS's own CDK
 * documents `regexValue('$.message', '=', 'bind: address already in use')`.
 */
const ALLOWED = /^[A-Za-z0-9_#=@/;,\-: ^$?[\]{}|\\*+.]$/;

/** Escapes we translate one to one into JavaScript (`\x28` is how AWS tells users to write a parenthesis). */
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 't', 'n', 'r', 'f', 'v']);

/**
 * Validates `source` (the text between the `%` signs, starting at `offset` in the pattern) and compiles it once.
 * Within the allowed alphabet AWS's operators mean what they mean in JavaScript, so V8 checks the syntax; escapes
 * JavaScript would read differently (`\1`, `\k`, `\u`, `\p`) are rejected first. Matching then runs in linear time
 * (see aws-regex.ts).
 */
export function compileAwsRegex(source: string, offset: number): AwsRegex {
  const shown = `%${source}%`;
  if (source.length === 0) {
    throw new FilterPatternError("Empty regular expression: put the expression between the '%' signs", offset);
  }
  for (let i = 0; i < source.length; i++) {
    checkCharacter(source.charAt(i), offset + i, shown);
    if (source.charAt(i) === '\\') i = checkEscape(source, i, offset, shown);
  }
  let validated: RegExp;
  try {
    // V8 is the syntax check: the dialect is JavaScript's, minus what the alphabet above excludes.
    validated = new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : 'invalid';
    throw new FilterPatternError(`Invalid regular expression '${shown}': ${reason}`, offset);
  }
  try {
    return new AwsRegex(source, validated, parseRegexSyntax(source));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new FilterPatternError(`Regular expression '${shown}' is too complex: use smaller repetition counts`, offset);
  }
}

/** Checks the escape starting at `source[i]` (a backslash) and returns the index of its last character. */
function checkEscape(source: string, i: number, offset: number, shown: string): number {
  const next = source.charAt(i + 1);
  if (next === '') {
    throw new FilterPatternError(`Invalid regular expression '${shown}': it ends with a lone '\\'`, offset + i);
  }
  if (CLASS_ESCAPES.has(next)) return i + 1;
  if (next === 'x') {
    if (/^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) return i + 3;
    throw new FilterPatternError(`Invalid regular expression '${shown}': '\\x' must be followed by two hex digits`, offset + i);
  }
  if (/[A-Za-z0-9]/.test(next)) {
    throw new FilterPatternError(`Invalid regular expression '${shown}': the escape '\\${next}' is not supported`, offset + i);
  }
  // Escaped punctuation (`\.`, `\[`, `\\`) is an identity escape in both dialects; it must still be allowed.
  checkCharacter(next, offset + i + 1, shown);
  return i + 1;
}

function checkCharacter(ch: string, position: number, shown: string): void {
  if (ch.charCodeAt(0) > 127) {
    throw new FilterPatternError(`Invalid character(s) in term '${shown}': multi-byte characters are not supported in a regular expression`, position);
  }
  if (ch === '(' || ch === ')') {
    throw new FilterPatternError(
      `Invalid character(s) in term '${shown}': parentheses are not supported in a regular expression (write \\x28 or \\x29 to match one)`,
      position,
    );
  }
  if (!ALLOWED.test(ch)) {
    throw new FilterPatternError(`Invalid character(s) in term '${shown}': '${ch}' is not supported in a regular expression`, position);
  }
}
