/** Small scans over RE2 pattern text, shared by the analyses that read patterns conservatively. */

/** Whether the pattern has an alternation outside every group and class. */
export function hasTopLevelBar(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(pattern, i);
    else if (ch === '(') i = skipGroup(pattern, i);
    else if (ch === '|') return true;
  }
  return false;
}

/** Index of the `]` closing the class opened at `from` (a leading `]` or `^]` is a member). */
export function skipClass(pattern: string, from: number): number {
  let i = from + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

/** Index of the `)` closing the group opened at `from`. */
export function skipGroup(pattern: string, from: number): number {
  let depth = 0;
  for (let i = from; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(pattern, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return pattern.length;
}

/** `text` as an RE2 pattern that matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
