import type { ValueType } from './plan.js';

/**
 * A result value as GetQueryResults shows it: everything is a string; timestamps as `YYYY-MM-DD HH:MM:SS.mmm` in UTC
 * [observed], whole numbers without a fraction, booleans as 1 and 0 (ispresent, isempty ...). Null means the row has
 * no such field, and the field is left out of the row.
 */
export function renderValue(type: ValueType, value: string | number | boolean | null): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (type === 'timestamp' && typeof value === 'number') return formatTimestamp(value);
  if (typeof value === 'number') return renderNumber(value);
  return value;
}

export function formatTimestamp(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return String(epochMs);
  return new Date(Math.round(epochMs)).toISOString().replace('T', ' ').replace('Z', '');
}

function renderNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}
