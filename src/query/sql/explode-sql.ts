import type { Stage } from '../plan.js';
import type { ExprRenderer } from './expr-renderer.js';

type ExplodeStage = Extract<Stage, { kind: 'explode' }>;

export interface ExplodeNames {
  /** Generated column name of each new column, by the plan's name. */
  readonly columns: ReadonlyMap<string, string>;
  /** Generated name of the item's 1-based position in its row's list: the tie-break that keeps list order. */
  readonly ordinal: string;
}

/**
 * The SELECT of an `explode` stage over `from`: for `parse ... multi`, a list per capture group of every match
 * (the lists have one length: one item per match), the row kept once when there is no match; for `unnest`, the
 * value's JSON items, no row when there are none [unconfirmed: AWS says the record is replaced by one per item, and
 * says nothing of an absent field or an empty list].
 */
export function explodeSql(w: ExprRenderer, stage: ExplodeStage, input: { from: string; names: ExplodeNames }): string {
  const d = w.dialect;
  const items = stage.items;
  const sqlName = (name: string): string => {
    const found = input.names.columns.get(name);
    if (found === undefined) throw new Error(`explode has no generated name for '${name}'`);
    return found;
  };
  if (items.kind === 'list-items') {
    const list = d.jsonItems(w.render(stage.source).sql);
    return d.explode(input.from, [{ sql: list, name: sqlName(items.column) }], input.names.ordinal, false);
  }
  const text = w.asText(stage.source);
  const lists = items.columns.map(({ name, group }) => ({
    sql: d.regexMatchList(text, w.bind({ value: items.pattern, type: 'text' }), group),
    name: sqlName(name),
  }));
  return d.explode(input.from, lists, input.names.ordinal, true);
}
