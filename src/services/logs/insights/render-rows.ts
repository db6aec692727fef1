import type { ResultField } from '../../../models/logs/index.js';
import { renderValue } from '../../../query/index.js';
import type { LogQueryResult } from '../../../storage/index.js';

/**
 * Result rows as GetQueryResults returns them: `{field, value}` pairs in the query's column order, fields the row
 * does not have left out, and `@ptr` last on every row that is an event.
 */
export function renderRows(result: LogQueryResult): ResultField[][] {
  return result.rows.map((row, index) => {
    const fields: ResultField[] = [];
    row.forEach((value, column) => {
      const spec = result.columns[column];
      const shown = spec === undefined ? undefined : renderValue(spec.type, value);
      if (spec !== undefined && shown !== undefined) fields.push({ field: spec.name, value: shown });
    });
    const pointer = result.pointers?.[index];
    if (pointer !== undefined) fields.push({ field: '@ptr', value: pointer });
    return fields;
  });
}
