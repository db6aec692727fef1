import type { FilterPattern } from './ast.js';
import { MATCH_ALL } from './ast.js';
import { parseJson } from './parse-json.js';
import { parseSpaceDelimited } from './parse-space.js';
import { parseTerms } from './parse-terms.js';
import { isSpace, Scanner } from './scanner.js';

/**
 * Parses a CloudWatch Logs filter pattern as FilterLogEvents, metric filters, subscription filters and Live Tail
 * accept it. The first non-blank character picks the family: `{` JSON, `[` space-delimited, anything else terms.
 * Throws FilterPatternError for anything AWS would reject.
 */
export function parseFilterPattern(text: string): FilterPattern {
  const scanner = new Scanner(text);
  scanner.skipSpace();
  if (scanner.atEnd()) return MATCH_ALL;
  const first = scanner.peek();
  if (first === '{' || first === '[') {
    const close = first === '{' ? '}' : ']';
    let last = text.length - 1;
    while (last > 0 && isSpace(text.charCodeAt(last))) last--;
    // AWS's own wording for this mistake (often a shell that ate the quotes around the pattern).
    if (text.charAt(last) !== close || last === scanner.pos) {
      scanner.fail(`If a filter pattern starts with '${first}' it must end with '${close}'`, last + 1);
    }
    return first === '{' ? parseJson(scanner) : parseSpaceDelimited(scanner);
  }
  return parseTerms(scanner);
}
