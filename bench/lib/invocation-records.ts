import type { GeneratedEvent } from './event-generator.js';

/**
 * Deterministic Bedrock model invocation records (`ModelInvocationLog`, members in the order
 * src/services/bedrock/logging/build-invocation-record.ts writes them): the same index always yields the same record,
 * so the server and the DuckDB baseline see identical rows without holding them in memory. Five models, three
 * operations, ~2% errors (half of them throttling), prompts of 8 to 120 words (about 1 in 40 mentions a refund),
 * records of roughly 0.6 to 1.8 KB. Every record has its own millisecond timestamp, so time orders are total.
 */
export interface RecordLayout {
  readonly logGroupName: string;
  readonly writers: number;
  readonly batchesPerWriter: number;
  readonly eventsPerBatch: number;
  /** Timestamp of record 0 (ms since epoch). */
  readonly baseTime: number;
  /** Milliseconds between consecutive records (a whole number, at least 1). */
  readonly stepMs: number;
}

// Inside PutLogEvents' window (younger than 14 days): records span the 12 hours ending one hour ago.
const WINDOW_MS = 12 * 3_600_000;
const END_OFFSET_MS = 3_600_000;

export function createRecordLayout(options: { logGroupName: string; writers: number; totalRecords: number; eventsPerBatch: number; now: number }): RecordLayout {
  const batchesPerWriter = Math.max(1, Math.ceil(options.totalRecords / (options.writers * options.eventsPerBatch)));
  const total = batchesPerWriter * options.writers * options.eventsPerBatch;
  const stepMs = Math.max(1, Math.floor(WINDOW_MS / total));
  return { ...options, batchesPerWriter, baseTime: options.now - END_OFFSET_MS - stepMs * total, stepMs };
}

export function totalRecords(layout: RecordLayout): number {
  return layout.writers * layout.batchesPerWriter * layout.eventsPerBatch;
}

export function recordStreamName(writer: number): string {
  return `bedrock-${String(writer).padStart(2, '0')}`;
}

/** Record `(batch * writers + writer) * eventsPerBatch + position`: writers interleave, each stream stays in time order. */
export function recordBatch(layout: RecordLayout, writer: number, batch: number): GeneratedEvent[] {
  const events: GeneratedEvent[] = [];
  for (let position = 0; position < layout.eventsPerBatch; position++) {
    const index = (batch * layout.writers + writer) * layout.eventsPerBatch + position;
    // Global time order follows (batch, position, writer), so every stream's events ascend and no two are equal.
    const order = (batch * layout.eventsPerBatch + position) * layout.writers + writer;
    const timestamp = layout.baseTime + order * layout.stepMs;
    const message = invocationRecord(index, timestamp);
    events.push({ logStreamName: recordStreamName(writer), timestamp, message, messageJson: JSON.stringify(message) });
  }
  return events;
}

function mix(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const MODELS = [
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'amazon.nova-lite-v1:0',
  'meta.llama3-8b-instruct-v1:0',
  'amazon.titan-text-express-v1',
] as const;
const OPERATIONS = ['Converse', 'Converse', 'Converse', 'Converse', 'Converse', 'Converse', 'Converse', 'InvokeModel', 'InvokeModel', 'ConverseStream'] as const;
const STOP_REASONS = ['end_turn', 'end_turn', 'end_turn', 'max_tokens', 'stop_sequence'] as const;
const WORDS = [
  'please', 'summarise', 'the', 'customer', 'ticket', 'about', 'order', 'delivery', 'late', 'invoice', 'explain', 'why',
  'my', 'account', 'was', 'charged', 'twice', 'translate', 'this', 'paragraph', 'into', 'french', 'write', 'a', 'short',
  'poem', 'on', 'autumn', 'list', 'three', 'risks', 'in', 'contract', 'draft', 'reply', 'to', 'email', 'from', 'support',
] as const;
const CALLERS = 40;

function pick<T>(values: readonly T[], hash: number): T {
  return values[hash % values.length] as T;
}

function words(seed: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(WORDS, mix(seed + i * 7919)));
  return out.join(' ');
}

/** Whether record `index` fails, and how: about 1% throttled, 1% rejected as invalid. */
export function recordError(index: number): string | undefined {
  const h = mix(index * 17 + 9) % 100;
  return h === 0 ? 'ThrottlingException' : h === 1 ? 'ValidationException' : undefined;
}

export function invocationRecord(index: number, timestamp: number): string {
  const a = mix(index * 11 + 4);
  const b = mix(index * 13 + 5);
  const modelId = pick(MODELS, a);
  const operation = pick(OPERATIONS, a >>> 8);
  const error = recordError(index);
  const promptWords = 8 + (b % 113);
  const prompt = (b >>> 10) % 40 === 0 ? `${words(b, promptWords >> 1)} refund request ${words(a, promptWords >> 1)}` : words(b, promptWords);
  const inputTokens = Math.round(promptWords * 1.3) + 12;
  const outputTokens = 20 + ((a >>> 4) % 700);
  const latencyMs = 150 + ((b >>> 6) % 4000) + outputTokens * 3;
  const requestId = `${a.toString(16).padStart(8, '0')}-${(b & 0xffff).toString(16).padStart(4, '0')}-4${(b >>> 20).toString(16).padStart(3, '0')}-${index.toString(16).padStart(12, '0')}`;
  const isTitan = modelId.startsWith('amazon.titan');
  const inputBody = operation === 'InvokeModel' && isTitan
    ? { inputText: prompt, textGenerationConfig: { maxTokenCount: 512, temperature: 0.5 } }
    : operation === 'InvokeModel'
      ? { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] }
      : { messages: [{ role: 'user', content: [{ text: prompt }] }], inferenceConfig: { maxTokens: 1024, temperature: 0.7 } };
  const input: Record<string, unknown> = { inputContentType: 'application/json', inputBodyJson: inputBody };
  if (error === undefined) Object.assign(input, { inputTokenCount: inputTokens, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 });
  const record: Record<string, unknown> = {
    schemaType: 'ModelInvocationLog',
    schemaVersion: '1.0',
    timestamp: `${new Date(timestamp).toISOString().slice(0, 19)}Z`,
    accountId: '000000000000',
    identity: { arn: `arn:aws:sts::000000000000:assumed-role/app-${(a >>> 20) % CALLERS}/session` },
    region: 'us-east-1',
    requestId,
    operation,
    modelId,
    input,
  };
  if (error === undefined) {
    const answer = words(a, 5 + ((a >>> 12) % 60));
    const stopReason = pick(STOP_REASONS, b >>> 16);
    const outputBody = operation === 'InvokeModel' && isTitan
      ? { inputTextTokenCount: inputTokens, results: [{ tokenCount: outputTokens, outputText: answer, completionReason: 'FINISH' }] }
      : { output: { message: { role: 'assistant', content: [{ text: answer }] } }, stopReason, metrics: { latencyMs }, usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens } };
    record['output'] = { outputContentType: 'application/json', outputBodyJson: outputBody, outputTokenCount: outputTokens };
  } else {
    record['errorCode'] = error;
  }
  return JSON.stringify(record);
}
