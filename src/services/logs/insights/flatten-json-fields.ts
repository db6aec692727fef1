/** AWS extracts at most this many fields from one JSON event [2023 quota]. */
const MAX_FIELDS = 100;

/**
 * A JSON event's fields as Logs Insights discovers them: nested keys joined with dots, array items by index
 * (`items.0.id`), scalars as text; a key starting with `@` gets one more `@`. Not JSON: no fields.
 */
export function flattenJsonFields(message: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return {};
  }
  const fields: Record<string, string> = {};
  let count = 0;
  const visit = (value: unknown, path: string): void => {
    if (count >= MAX_FIELDS) return;
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? (key.startsWith('@') ? `@${key}` : key) : `${path}.${key}`);
      return;
    }
    if (path === '' || value === null) return;
    fields[path] = String(value);
    count += 1;
  };
  if (parsed !== null && typeof parsed === 'object') visit(parsed, '');
  return fields;
}
