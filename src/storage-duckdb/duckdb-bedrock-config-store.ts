import type { BedrockConfigStore, Scope, StoredLoggingConfig } from '../storage/index.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, str } from './sql-values.js';
import type { WriteLane } from './write-lane.js';

/**
 * Logging configurations in `bedrock_logging_configs`, mirrored in memory: the invocation logger reads the
 * configuration for every record it delivers, and a row read per invocation would put DuckDB on that path. Every
 * write goes through the write lane, so the mirror changes in commit order.
 */
export class DuckDbBedrockConfigStore implements BedrockConfigStore {
  private readonly mirror: Map<string, StoredLoggingConfig>;

  private constructor(
    private readonly lane: WriteLane,
    mirror: Map<string, StoredLoggingConfig>,
  ) {
    this.mirror = mirror;
  }

  static async open(db: SqlRunner, lane: WriteLane): Promise<DuckDbBedrockConfigStore> {
    const rows = await db.rows('SELECT account_id, region, config_json FROM bedrock_logging_configs');
    const mirror = new Map<string, StoredLoggingConfig>();
    for (const row of rows) {
      mirror.set(key({ accountId: str(row, 'account_id'), region: str(row, 'region') }), JSON.parse(str(row, 'config_json')) as StoredLoggingConfig);
    }
    return new DuckDbBedrockConfigStore(lane, mirror);
  }

  getLoggingConfig(scope: Scope): Promise<StoredLoggingConfig | undefined> {
    return Promise.resolve(this.mirror.get(key(scope)));
  }

  async putLoggingConfig(scope: Scope, config: StoredLoggingConfig): Promise<void> {
    // A deep copy, so a caller mutating its object later cannot change what is stored.
    const json = JSON.stringify(config);
    await this.lane.transaction(async (db) => {
      await deleteRow(db, scope);
      const p = new SqlParams();
      await db.run(`INSERT INTO bedrock_logging_configs VALUES (${p.text(scope.accountId)}, ${p.text(scope.region)}, ${p.text(json)})`, p);
    });
    this.mirror.set(key(scope), JSON.parse(json) as StoredLoggingConfig);
  }

  async deleteLoggingConfig(scope: Scope): Promise<void> {
    await this.lane.exclusive((db) => deleteRow(db, scope));
    this.mirror.delete(key(scope));
  }

  /** reset(): the caller empties the table in its own transaction; the mirror follows. */
  clearMirror(): void {
    this.mirror.clear();
  }
}

function key(scope: Scope): string {
  return `${scope.accountId}/${scope.region}`;
}

function deleteRow(db: SqlRunner, scope: Scope): Promise<number> {
  const p = new SqlParams();
  return db.run(`DELETE FROM bedrock_logging_configs WHERE account_id = ${p.text(scope.accountId)} AND region = ${p.text(scope.region)}`, p);
}
