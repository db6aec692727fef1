import type { FieldCondition, SpaceDelimitedPattern, SpaceField } from './ast.js';
import { assertNever } from '../kernel/index.js';
import { compareText } from './match-value.js';
import { splitFields } from './split-fields.js';

/**
 * Positional matching, as in AWS's TestMetricFilter examples for Apache logs:
 * - Without `...` the event must have exactly as many fields as the pattern (`[w1=ERROR, w2]` matches
 *   `ERROR message` but not `ERROR WARN message`). `...` stands for any number of fields; `[]` is the same as `[...]`.
 * - Extracted values are keyed `$name` for named fields and `$<1-based position>` for unnamed slots and for the
 *   fields `...` covers: `[..., size]` on a 7-field line gives `$1`..`$6` and `$size`.
 * Returns the extracted values, or undefined when the event does not match.
 */
export function matchSpaceDelimited(pattern: SpaceDelimitedPattern, message: string): Record<string, string> | undefined {
  const fields = pattern.fields;
  const bounds = splitFields(message);
  const count = bounds.count;
  let ellipsis = fields.length === 0 ? 0 : -1;
  for (let p = 0; p < fields.length; p++) if (fields[p]!.kind === 'ellipsis') ellipsis = p;
  const before = ellipsis < 0 ? fields.length : ellipsis;
  const after = ellipsis < 0 ? 0 : fields.length - ellipsis - 1;
  if (ellipsis < 0 ? count !== fields.length : count < before + after) return undefined;

  for (let p = 0; p < fields.length; p++) {
    const field = fields[p]!;
    if (field.kind !== 'field' || field.condition === undefined) continue;
    const e = p < before ? p : count - (fields.length - p);
    if (!holds(field.condition, message.slice(bounds.starts[e], bounds.ends[e]))) return undefined;
  }

  const extracted: Record<string, string> = {};
  for (let e = 0; e < count; e++) {
    const field: SpaceField | undefined = e < before ? fields[e] : e >= count - after ? fields[fields.length - (count - e)] : undefined;
    const key = field?.kind === 'field' && field.name !== '' ? `$${field.name}` : `$${e + 1}`;
    extracted[key] = message.slice(bounds.starts[e], bounds.ends[e]);
  }
  return extracted;
}

function holds(condition: FieldCondition, text: string): boolean {
  switch (condition.kind) {
    case 'and': {
      for (const operand of condition.operands) if (!holds(operand, text)) return false;
      return true;
    }
    case 'or': {
      for (const operand of condition.operands) if (holds(operand, text)) return true;
      return false;
    }
    case 'compare':
      return compareText(text, condition.operator, condition.value);
    default:
      return assertNever(condition, 'field condition');
  }
}
