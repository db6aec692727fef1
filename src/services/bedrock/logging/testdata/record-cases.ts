import type { InvocationOutcome } from '../../invocation-outcome.js';
import type { StoredLoggingConfig, StoredS3Config } from '../../../../storage/index.js';

/** Record golden cases: an outcome, the configuration and large-data target it is logged with. */
export interface RecordCase {
  readonly name: string;
  readonly outcome: InvocationOutcome;
  readonly config: StoredLoggingConfig;
  readonly largeData?: StoredS3Config;
}

const caller = {
  accountId: '111122223333',
  region: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAEXAMPLE',
};
const ALL_ON: StoredLoggingConfig = {
  cloudWatchConfig: { logGroupName: '/bedrock', roleArn: 'arn:aws:iam::111122223333:role/Logs' },
  textDataDeliveryEnabled: true,
  imageDataDeliveryEnabled: true,
  embeddingDataDeliveryEnabled: true,
  videoDataDeliveryEnabled: true,
  audioDataDeliveryEnabled: true,
};
const START = Date.UTC(2025, 2, 11, 0, 38, 2, 765);
const CONVERSE_REQUEST = {
  messages: [{ role: 'user', content: [{ text: 'hello how are you' }] }],
  inferenceConfig: { maxTokens: 512, temperature: 0.7, topP: 0.9, stopSequences: [] },
  additionalModelRequestFields: {},
};
const CONVERSE_RESPONSE = {
  output: { message: { role: 'assistant', content: [{ text: "I'm doing well, thank you!" }] } },
  stopReason: 'end_turn',
  metrics: { latencyMs: 302 },
  usage: { inputTokens: 4, outputTokens: 38, totalTokens: 42 },
};
const base: InvocationOutcome = {
  operation: 'Converse',
  caller,
  requestId: '3f1c2a9e-4b5d-4c6e-8f70-123456789abc',
  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  startedAt: START,
  latencyMs: 302,
  input: { contentType: 'application/json', json: CONVERSE_REQUEST, modalities: ['text'] },
  output: { contentType: 'application/json', json: CONVERSE_RESPONSE, modalities: ['text'] },
  usage: { inputTokens: 4, outputTokens: 38 },
};
const LARGE_DATA: StoredS3Config = { bucketName: 'large-bodies', keyPrefix: 'big' };
const bigText = 'x'.repeat(110 * 1024);

export const RECORD_CASES: readonly RecordCase[] = [
  {
    name: 'converse-text',
    outcome: { ...base, inferenceRegion: 'us-west-2', requestMetadata: { team: 'search', env: 'prod' }, usage: { inputTokens: 4, outputTokens: 38, cacheReadInputTokens: 2 } },
    config: ALL_ON,
  },
  {
    name: 'converse-stream-aggregated',
    outcome: { ...base, operation: 'ConverseStream', timeToFirstTokenMs: 120 },
    config: ALL_ON,
  },
  {
    name: 'invoke-with-response-stream-chunks',
    outcome: {
      ...base,
      operation: 'InvokeModelWithResponseStream',
      modelId: 'anthropic.claude-v2',
      input: { contentType: 'application/json', json: { prompt: '\n\nHuman: Hi\n\nAssistant:', max_tokens_to_sample: 50 }, modalities: ['text'] },
      output: {
        contentType: 'application/json',
        modalities: ['text'],
        json: [
          { completion: ' Hello', stop_reason: null, stop: null },
          { completion: '', stop_reason: 'stop_sequence', stop: '\n\nHuman:', 'amazon-bedrock-invocationMetrics': { inputTokenCount: 12, outputTokenCount: 2, invocationLatency: 400, firstByteLatency: 150 } },
        ],
      },
      usage: { inputTokens: 12, outputTokens: 2 },
    },
    config: ALL_ON,
  },
  { name: 'all-toggles-off-metadata-only', outcome: { ...base, requestMetadata: { team: 'search' } }, config: { cloudWatchConfig: ALL_ON.cloudWatchConfig } },
  {
    name: 'embedding-output-toggle-off',
    outcome: {
      ...base,
      operation: 'InvokeModel',
      modelId: 'amazon.titan-embed-text-v2:0',
      input: { contentType: 'application/json', json: { inputText: 'hello', dimensions: 256 }, modalities: ['text'] },
      output: { contentType: 'application/json', json: { embedding: [0.1, -0.2], inputTextTokenCount: 1 }, modalities: ['embedding'] },
      usage: { inputTokens: 1, outputTokens: 0 },
    },
    config: { ...ALL_ON, embeddingDataDeliveryEnabled: false },
  },
  {
    name: 'large-input-offloaded',
    outcome: { ...base, input: { contentType: 'application/json', json: { messages: [{ role: 'user', content: [{ text: bigText }] }] }, modalities: ['text'] } },
    config: ALL_ON,
    largeData: LARGE_DATA,
  },
  {
    name: 'large-input-without-large-data-bucket',
    outcome: { ...base, input: { contentType: 'application/json', json: { messages: [{ role: 'user', content: [{ text: bigText }] }] }, modalities: ['text'] } },
    config: ALL_ON,
  },
  {
    name: 'binary-image-output-offloaded',
    outcome: {
      ...base,
      operation: 'InvokeModel',
      modelId: 'amazon.titan-image-generator-v2:0',
      input: { contentType: 'application/json', json: { taskType: 'TEXT_IMAGE', textToImageParams: { text: 'a red fox' } }, modalities: ['text'] },
      output: { contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), modalities: ['image'] },
      outputImageCount: 1,
      usage: undefined,
    },
    config: ALL_ON,
    largeData: LARGE_DATA,
  },
  {
    // What the gateway hands over for an image model: JSON with base64 images, binary data all the same.
    name: 'json-image-output-offloaded',
    outcome: {
      ...base,
      operation: 'InvokeModel',
      modelId: 'amazon.titan-image-generator-v2:0',
      input: { contentType: 'application/json', json: { taskType: 'TEXT_IMAGE', textToImageParams: { text: 'a red fox' } }, modalities: ['text'] },
      output: { contentType: 'application/json', json: { images: ['iVBORw0KGgo='], error: null }, modalities: ['image'] },
      outputImageCount: 1,
      usage: undefined,
    },
    config: ALL_ON,
    largeData: LARGE_DATA,
  },
  {
    name: 'throttled-failure',
    outcome: { ...base, output: undefined, usage: undefined, latencyMs: 3, throttled: true, error: { code: 'ThrottlingException', httpStatus: 429, fault: 'client' } },
    config: ALL_ON,
  },
  {
    name: 'success-without-usage',
    outcome: { ...base, usage: undefined },
    config: ALL_ON,
  },
];
