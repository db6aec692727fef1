/**
 * Conjunctive normal form over "the message contains s": every clause must hold, a clause holds when any of its
 * strings occurs. Dropping clauses only weakens the condition, so whenever a combination would grow too large we keep
 * a prefix: the result stays a necessary condition, just a less selective one.
 */
export type Cnf = readonly (readonly string[])[];

export const TRUE: Cnf = [];

const MAX_CLAUSES = 16;
const MAX_ALTERNATIVES = 16;

/** A single clause; a clause that admits the empty string admits everything, so it is dropped. */
export function clause(alternatives: readonly string[]): Cnf {
  const unique = [...new Set(alternatives)];
  if (unique.length === 0 || unique.includes('') || unique.length > MAX_ALTERNATIVES) return TRUE;
  return [unique];
}

export function and(parts: readonly Cnf[]): Cnf {
  return parts.flat().slice(0, MAX_CLAUSES);
}

/** (A1 ∧ A2) ∨ (B1 ∧ B2) = ∧ of (Ai ∨ Bj); any side with no clause admits everything, and so does the whole. */
export function or(parts: readonly Cnf[]): Cnf {
  let result: Cnf | undefined;
  for (const part of parts) {
    if (part.length === 0) return TRUE;
    if (result === undefined) {
      result = part;
      continue;
    }
    const product: (readonly string[])[] = [];
    for (const left of result) {
      for (const right of part) {
        const merged = clause([...left, ...right]);
        if (merged.length > 0 && merged[0] !== undefined && product.length < MAX_CLAUSES) product.push(merged[0]);
      }
    }
    if (product.length === 0) return TRUE;
    result = product;
  }
  return result ?? TRUE;
}
