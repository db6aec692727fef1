import type { QueryDefinitionPage, QueryDefinitionStore, Scope, StoredQueryDefinition, StoredQueryParameter } from '../storage/index.js';
import type { ReadPool } from './read-pool.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, num, optionalStr, str, type SqlRow } from './sql-values.js';
import type { WriteLane } from './write-lane.js';

const COLUMNS = 'query_definition_id, name, query_language, query_string, last_modified, log_group_names, parameters, client_token';

/** Saved Insights queries in `query_definitions`; writes go through the write lane, reads through the read pool. */
export class DuckDbQueryDefinitionStore implements QueryDefinitionStore {
  constructor(
    private readonly lane: WriteLane,
    private readonly reads: ReadPool,
  ) {}

  async get(scope: Scope, queryDefinitionId: string): Promise<StoredQueryDefinition | undefined> {
    const p = new SqlParams();
    const rows = await this.reads.use((db) => db.rows(`SELECT ${COLUMNS} FROM query_definitions WHERE ${inScope(p, scope)} AND query_definition_id = ${p.text(queryDefinitionId)}`, p));
    return rows[0] === undefined ? undefined : fromRow(rows[0]);
  }

  async findByClientToken(scope: Scope, clientToken: string): Promise<StoredQueryDefinition | undefined> {
    const p = new SqlParams();
    const rows = await this.reads.use((db) => db.rows(`SELECT ${COLUMNS} FROM query_definitions WHERE ${inScope(p, scope)} AND client_token = ${p.text(clientToken)} LIMIT 1`, p));
    return rows[0] === undefined ? undefined : fromRow(rows[0]);
  }

  async count(scope: Scope): Promise<number> {
    const p = new SqlParams();
    const rows = await this.reads.use((db) => db.rows(`SELECT count(*) AS n FROM query_definitions WHERE ${inScope(p, scope)}`, p));
    return rows[0] === undefined ? 0 : num(rows[0], 'n');
  }

  put(scope: Scope, definition: StoredQueryDefinition): Promise<void> {
    return this.lane.transaction(async (db) => {
      await deleteRow(db, scope, definition.queryDefinitionId);
      const p = new SqlParams();
      const values = [
        p.text(scope.accountId), p.text(scope.region), p.text(definition.queryDefinitionId), p.text(definition.name),
        p.text(definition.queryLanguage), p.text(definition.queryString), p.bigint(definition.lastModified),
        p.text(JSON.stringify(definition.logGroupNames)), p.text(JSON.stringify(definition.parameters)),
        definition.clientToken === undefined ? 'NULL' : p.text(definition.clientToken),
      ];
      await db.run(`INSERT INTO query_definitions (account_id, region, ${COLUMNS}) VALUES (${values.join(', ')})`, p);
    });
  }

  async delete(scope: Scope, queryDefinitionId: string): Promise<boolean> {
    return (await this.lane.exclusive((db) => deleteRow(db, scope, queryDefinitionId))) > 0;
  }

  async list(scope: Scope, page: QueryDefinitionPage): Promise<StoredQueryDefinition[]> {
    const p = new SqlParams();
    const where = [inScope(p, scope)];
    if (page.namePrefix !== undefined) where.push(`starts_with(name, ${p.text(page.namePrefix)})`);
    if (page.after !== undefined) {
      const name = p.text(page.after.name);
      where.push(`(name > ${name} OR (name = ${name} AND query_definition_id > ${p.text(page.after.queryDefinitionId)}))`);
    }
    const sql = `SELECT ${COLUMNS} FROM query_definitions WHERE ${where.join(' AND ')} ORDER BY name, query_definition_id LIMIT ${p.bigint(page.limit)}`;
    const rows = await this.reads.use((db) => db.rows(sql, p));
    return rows.map(fromRow);
  }
}

function inScope(p: SqlParams, scope: Scope): string {
  return `account_id = ${p.text(scope.accountId)} AND region = ${p.text(scope.region)}`;
}

function deleteRow(db: SqlRunner, scope: Scope, queryDefinitionId: string): Promise<number> {
  const p = new SqlParams();
  return db.run(`DELETE FROM query_definitions WHERE ${inScope(p, scope)} AND query_definition_id = ${p.text(queryDefinitionId)}`, p);
}

function fromRow(row: SqlRow): StoredQueryDefinition {
  const clientToken = optionalStr(row, 'client_token');
  return {
    queryDefinitionId: str(row, 'query_definition_id'),
    name: str(row, 'name'),
    queryLanguage: str(row, 'query_language'),
    queryString: str(row, 'query_string'),
    lastModified: num(row, 'last_modified'),
    logGroupNames: JSON.parse(str(row, 'log_group_names')) as string[],
    parameters: JSON.parse(str(row, 'parameters')) as StoredQueryParameter[],
    ...(clientToken === undefined ? {} : { clientToken }),
  };
}
