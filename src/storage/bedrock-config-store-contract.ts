import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFreshStorage, type OpenedStorage } from './contract-fixture.js';
import type { StoredLoggingConfig } from './bedrock-config-store.js';
import type { Scope } from './scope.js';

const SCOPE: Scope = { accountId: '111111111111', region: 'us-east-1' };
const OTHER_ACCOUNT: Scope = { accountId: '222222222222', region: 'us-east-1' };
const OTHER_REGION: Scope = { accountId: '111111111111', region: 'eu-west-1' };

const FULL: StoredLoggingConfig = {
  cloudWatchConfig: {
    logGroupName: '/bedrock/invocations',
    roleArn: 'arn:aws:iam::111111111111:role/BedrockLogging',
    largeDataDeliveryS3Config: { bucketName: 'large-data', keyPrefix: 'big' },
  },
  s3Config: { bucketName: 'invocation-logs', keyPrefix: 'bedrock' },
  textDataDeliveryEnabled: true,
  imageDataDeliveryEnabled: false,
  embeddingDataDeliveryEnabled: true,
  videoDataDeliveryEnabled: false,
  audioDataDeliveryEnabled: true,
};

/** The BedrockConfigStore contract: every adapter runs it (`describeBedrockConfigStoreContract('duckdb', open)`). */
export function describeBedrockConfigStoreContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`BedrockConfigStore contract: ${name}`, () => {
    const fixture = useFreshStorage(open);
    const store = () => fixture.storage.bedrockConfig;

    it('has no configuration until one is put', async () => {
      assert.equal(await store().getLoggingConfig(SCOPE), undefined);
    });

    it('returns exactly what was put, and a put replaces the whole configuration', async () => {
      await store().putLoggingConfig(SCOPE, FULL);
      assert.deepEqual(await store().getLoggingConfig(SCOPE), FULL);
      const smaller: StoredLoggingConfig = { s3Config: { bucketName: 'only-s3' } };
      await store().putLoggingConfig(SCOPE, smaller);
      assert.deepEqual(await store().getLoggingConfig(SCOPE), smaller);
    });

    it('keeps one configuration per account and region', async () => {
      await store().putLoggingConfig(SCOPE, FULL);
      assert.equal(await store().getLoggingConfig(OTHER_ACCOUNT), undefined);
      assert.equal(await store().getLoggingConfig(OTHER_REGION), undefined);
      await store().putLoggingConfig(OTHER_REGION, { s3Config: { bucketName: 'eu-logs' } });
      await store().deleteLoggingConfig(SCOPE);
      assert.equal(await store().getLoggingConfig(SCOPE), undefined);
      assert.deepEqual(await store().getLoggingConfig(OTHER_REGION), { s3Config: { bucketName: 'eu-logs' } });
    });

    it('deleting a scope without a configuration is not an error', async () => {
      await store().deleteLoggingConfig(SCOPE);
      assert.equal(await store().getLoggingConfig(SCOPE), undefined);
    });

    it('is not changed by later mutation of the object that was put', async () => {
      const config = { s3Config: { bucketName: 'mutable' } };
      await store().putLoggingConfig(SCOPE, config);
      config.s3Config.bucketName = 'changed';
      assert.deepEqual(await store().getLoggingConfig(SCOPE), { s3Config: { bucketName: 'mutable' } });
    });

    it('survives close and reopen; a delete does too', async (t) => {
      if (fixture.reopen === undefined) return t.skip('adapter cannot reopen');
      await store().putLoggingConfig(SCOPE, FULL);
      await store().putLoggingConfig(OTHER_ACCOUNT, { s3Config: { bucketName: 'gone-soon' } });
      await store().deleteLoggingConfig(OTHER_ACCOUNT);
      await fixture.reopen();
      assert.deepEqual(await store().getLoggingConfig(SCOPE), FULL);
      assert.equal(await store().getLoggingConfig(OTHER_ACCOUNT), undefined);
    });

    it('reset wipes every configuration', async () => {
      await store().putLoggingConfig(SCOPE, FULL);
      await fixture.storage.reset();
      assert.equal(await store().getLoggingConfig(SCOPE), undefined);
    });
  });
}
