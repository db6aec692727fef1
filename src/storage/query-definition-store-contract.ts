import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFreshStorage, type OpenedStorage } from './contract-fixture.js';
import type { StoredQueryDefinition } from './query-definition-store.js';
import type { Scope } from './scope.js';

const SCOPE: Scope = { accountId: '111111111111', region: 'us-east-1' };
const OTHER_REGION: Scope = { accountId: '111111111111', region: 'eu-west-1' };

function definition(id: string, name: string, extra: Partial<StoredQueryDefinition> = {}): StoredQueryDefinition {
  return { queryDefinitionId: id, queryLanguage: 'CWLI', name, queryString: 'fields @message', lastModified: 1000, logGroupNames: [], parameters: [], ...extra };
}

/** The QueryDefinitionStore contract: every adapter runs it (`describeQueryDefinitionStoreContract('duckdb', open)`). */
export function describeQueryDefinitionStoreContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`QueryDefinitionStore contract: ${name}`, () => {
    const fixture = useFreshStorage(open);
    const store = () => fixture.storage.queryDefinitions;

    it('returns exactly what was put, and a put with the same id replaces it whole', async () => {
      const full = definition('q1', 'tokens/by-model', {
        queryString: 'stats sum(input.inputTokenCount) by {{groupBy}}',
        logGroupNames: ['/aws/bedrock/invocations', '/app'],
        parameters: [{ name: 'groupBy', defaultValue: 'modelId', description: 'field to group by' }, { name: 'bare' }],
        clientToken: 'c'.repeat(36),
      });
      await store().put(SCOPE, full);
      assert.deepEqual(await store().get(SCOPE, 'q1'), full);
      const replaced = definition('q1', 'renamed', { lastModified: 2000 });
      await store().put(SCOPE, replaced);
      assert.deepEqual(await store().get(SCOPE, 'q1'), replaced);
      assert.equal(await store().count(SCOPE), 1);
    });

    it('finds a definition by the clientToken that wrote it', async () => {
      await store().put(SCOPE, definition('q1', 'a', { clientToken: 't'.repeat(40) }));
      assert.equal((await store().findByClientToken(SCOPE, 't'.repeat(40)))?.queryDefinitionId, 'q1');
      assert.equal(await store().findByClientToken(SCOPE, 'u'.repeat(40)), undefined);
      assert.equal(await store().findByClientToken(OTHER_REGION, 't'.repeat(40)), undefined);
    });

    it('keeps definitions per account and region, and deletes only in its scope', async () => {
      await store().put(SCOPE, definition('q1', 'a'));
      await store().put(OTHER_REGION, definition('q2', 'b'));
      assert.equal(await store().get(OTHER_REGION, 'q1'), undefined);
      assert.equal(await store().delete(OTHER_REGION, 'q1'), false);
      assert.equal(await store().delete(SCOPE, 'q1'), true);
      assert.equal(await store().delete(SCOPE, 'q1'), false);
      assert.equal(await store().count(SCOPE), 0);
      assert.equal(await store().count(OTHER_REGION), 1);
    });

    it('lists by name then id, with a name prefix and pages that resume after a position', async () => {
      for (const [id, n] of [['b', 'tokens'], ['a', 'tokens'], ['c', 'errors'], ['d', 'tokens-2'], ['e', 'Tokens']] as const) {
        await store().put(SCOPE, definition(id, n));
      }
      const ids = (list: readonly StoredQueryDefinition[]): string[] => list.map((d) => d.queryDefinitionId);
      assert.deepEqual(ids(await store().list(SCOPE, { limit: 10 })), ['e', 'c', 'a', 'b', 'd']);
      assert.deepEqual(ids(await store().list(SCOPE, { namePrefix: 'tokens', limit: 10 })), ['a', 'b', 'd']);
      const first = await store().list(SCOPE, { namePrefix: 'tokens', limit: 1 });
      const last = first.at(-1);
      assert.ok(last);
      const after = { name: last.name, queryDefinitionId: last.queryDefinitionId };
      assert.deepEqual(ids(await store().list(SCOPE, { namePrefix: 'tokens', after, limit: 10 })), ['b', 'd']);
    });

    it('survives a restart', async (t) => {
      const reopen = fixture.reopen;
      if (reopen === undefined) return t.skip('adapter cannot reopen');
      await store().put(SCOPE, definition('q1', 'durable', { parameters: [{ name: 'p', defaultValue: 'x' }] }));
      await reopen();
      assert.equal((await store().get(SCOPE, 'q1'))?.name, 'durable');
      return undefined;
    });
  });
}
