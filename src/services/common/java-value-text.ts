import type { ShapeTable } from '../../models/index.js';

/**
 * Renders a validated value the way AWS's Java validation layer prints it inside `Value '...' at '...'`:
 * lists as `[a, b]`, maps as `{k=v}`, structures as `ShapeName(member=value, ...)`, doubles with a decimal point.
 */
export function javaValueText(table: ShapeTable, shapeName: string, value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const spec = table[shapeName];
  if (spec === undefined) return String(value);
  switch (spec.type) {
    case 'list':
      return Array.isArray(value) ? `[${value.map((item) => javaValueText(table, spec.member, item)).join(', ')}]` : String(value);
    case 'map':
      return isRecord(value)
        ? `{${Object.entries(value).map(([k, v]) => `${k}=${javaValueText(table, spec.value, v)}`).join(', ')}}`
        : String(value);
    case 'structure':
      return isRecord(value)
        ? `${shapeName}(${Object.entries(spec.members).map(([m, s]) => `${m}=${javaValueText(table, s, value[m])}`).join(', ')})`
        : String(value);
    case 'double':
    case 'float':
      return typeof value === 'number' ? javaDouble(value) : String(value);
    default:
      return String(value);
  }
}

function javaDouble(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return `${value}.0`;
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
