import { hasTopLevelBar, skipClass, skipGroup } from './regex-scan.js';

/**
 * `parse` fields are capture groups. Written plainly, each tests the regex and then extracts its group (two regex
 * runs per field per event), because an extract answers '' both for "no match" and for a group that matched ''.
 * When group `group` cannot be '' in any match (it sits at the top level, is not optional, is not beside an
 * alternation, and its body must consume a character), '' can only mean "no match": one extract suffices.
 * Conservative: anything it cannot read plainly answers false.
 */
export function groupAlwaysConsumes(pattern: string, group: number): boolean {
  if (hasTopLevelBar(pattern)) return false;
  let number = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(pattern, i);
    else if (ch === '(') {
      const end = skipGroup(pattern, i);
      const capturing = isCapturing(pattern, i);
      if (capturing) number++;
      if (capturing && number === group) return !optionalAfter(pattern, end + 1) && bodyConsumes(groupBody(pattern, i, end));
      // A group nested in this one is not at the top level; only its number counts.
      number += nestedCaptures(pattern.slice(i + 1, end));
      i = end;
    }
  }
  return false;
}

function isCapturing(pattern: string, open: number): boolean {
  if (pattern[open + 1] !== '?') return true;
  return pattern.startsWith('?P<', open + 1) || (pattern.startsWith('?<', open + 1) && !'=!'.includes(pattern[open + 3] ?? ''));
}

function groupBody(pattern: string, open: number, close: number): string {
  const inner = pattern.slice(open + 1, close);
  const named = /^\?P?<[A-Za-z_@][A-Za-z0-9_@.]*>/.exec(inner);
  return named === null ? inner : inner.slice(named[0].length);
}

function nestedCaptures(inner: string): number {
  let count = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '[') i = skipClass(inner, i);
    else if (inner[i] === '(' && isCapturing(inner, i)) count++;
  }
  return count;
}

/** A quantifier at `at` that lets the atom before it occur zero times. */
function optionalAfter(pattern: string, at: number): boolean {
  const ch = pattern[at];
  return ch === '?' || ch === '*' || (ch === '{' && /^\{0*[,}]/.test(pattern.slice(at)));
}

/** Whether every match of `body` (no alternation at its top level) has at least one character. */
function bodyConsumes(body: string): boolean {
  if (hasTopLevelBar(body)) return false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    let atomEnd = i;
    let consumes = true;
    if (ch === '\\') {
      atomEnd = i + 1;
      // Zero-width escapes: word boundaries and text anchors.
      consumes = !'bBAzZ'.includes(body[i + 1] ?? '');
    } else if (ch === '[') atomEnd = skipClass(body, i);
    else if (ch === '(') {
      atomEnd = skipGroup(body, i);
      consumes = false;
    } else if (ch === '^' || ch === '$') consumes = false;
    if (consumes && !optionalAfter(body, atomEnd + 1)) return true;
    i = quantifierEnd(body, atomEnd + 1) - 1;
  }
  return false;
}

/** The index just past the quantifier (with its lazy `?`) starting at `at`, or `at` when there is none. */
function quantifierEnd(body: string, at: number): number {
  let i = at;
  const ch = body[i];
  if (ch === '*' || ch === '+' || ch === '?') i++;
  else if (ch === '{') i = body.indexOf('}', i) < 0 ? body.length : body.indexOf('}', i) + 1;
  else return at;
  return body[i] === '?' ? i + 1 : i;
}
