import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { crc32 } from '@aws-crypto/crc32';
import type { ServiceError } from '../../kernel/index.js';
import type { ConverseRequest, ConverseStreamEvent } from '../converse-types.js';
import type { ProviderCall } from '../model-provider.js';
import { createSimulatorProvider } from './simulator-provider.js';
import { DEFAULT_SIMULATOR_OPTIONS, parseSimulatorOptions, type Sleeper } from './simulator-options.js';

const slept: number[] = [];
const noWait: Sleeper = async (ms) => {
  slept.push(ms);
};
const options = { ...DEFAULT_SIMULATOR_OPTIONS, timeToFirstTokenMs: 250, tokensPerSecond: 100, outputTokens: 12 };

function call<R>(request: R): ProviderCall<R> {
  return { upstreamModel: 'sim', requestedModelId: 'anthropic.claude-v2', request, signal: new AbortController().signal };
}
const hello: ConverseRequest = { messages: [{ role: 'user', content: [{ text: 'Hello there' }] }] };

async function collect(events: AsyncIterable<ConverseStreamEvent>): Promise<ConverseStreamEvent[]> {
  const out: ConverseStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('simulator provider', () => {
  test('the same prompt and seed give the same text; another seed another text', async () => {
    const a = await createSimulatorProvider(options, noWait).converse(call(hello));
    const b = await createSimulatorProvider(options, noWait).converse(call(hello));
    const c = await createSimulatorProvider({ ...options, seed: 7 }, noWait).converse(call(hello));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.message, c.message);
    assert.equal(a.stopReason, 'end_turn');
    assert.equal(a.usage?.outputTokens, 12);
    assert.equal(a.usage?.totalTokens, (a.usage?.inputTokens ?? 0) + 12);
  });

  test('time passes only through the sleeper: first token, then tokens per second', async () => {
    slept.length = 0;
    await collect(createSimulatorProvider(options, noWait).converseStream(call(hello)));
    assert.equal(slept[0], 250);
    assert.equal(slept.length, 12);
    assert.ok(slept.slice(1).every((ms) => ms === 10));
  });

  test('the stream says what converse says, event by event', async () => {
    const sim = createSimulatorProvider(options, noWait);
    const result = await sim.converse(call(hello));
    const events = await collect(createSimulatorProvider(options, noWait).converseStream(call(hello)));
    assert.deepEqual(events[0], { messageStart: { role: 'assistant' } });
    const text = events.flatMap((e) => ('contentBlockDelta' in e ? [e.contentBlockDelta.delta.text ?? ''] : [])).join('');
    assert.equal(text, result.message.content[0]?.text);
    assert.deepEqual(events.at(-2), { messageStop: { stopReason: 'end_turn' } });
    assert.deepEqual(events.at(-1), { metadata: { usage: result.usage } });
  });

  test('maxTokens and stop sequences end the answer early with the right stop reason', async () => {
    const sim = createSimulatorProvider(options, noWait);
    const short = await sim.converse(call({ ...hello, inferenceConfig: { maxTokens: 3 } }));
    assert.equal(short.stopReason, 'max_tokens');
    assert.equal(short.usage?.outputTokens, 3);
    const full = (await sim.converse(call(hello))).message.content[0]?.text ?? '';
    const stop = full.split(' ')[3] ?? '';
    const cut = await sim.converse(call({ ...hello, inferenceConfig: { stopSequences: [stop] } }));
    assert.equal(cut.stopReason, 'stop_sequence');
    assert.ok(!(cut.message.content[0]?.text ?? '').includes(stop));
  });

  test('offered tools are called with schema-shaped input, deterministically', async () => {
    const request: ConverseRequest = {
      ...hello,
      toolConfig: {
        tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' }, unit: { enum: ['C', 'F'] } } } } } }],
      },
    };
    const sim = createSimulatorProvider(options, noWait);
    const result = await sim.converse(call(request));
    assert.equal(result.stopReason, 'tool_use');
    const toolUse = result.message.content[0]?.toolUse;
    assert.equal(toolUse?.name, 'get_weather');
    assert.match(toolUse?.toolUseId ?? '', /^tooluse_[a-z0-9]+$/);
    const input = toolUse?.input as { city: string; days: number; unit: string };
    assert.equal(typeof input.city, 'string');
    assert.equal(input.days, 1);
    assert.equal(input.unit, 'C');
    const events = await collect(sim.converseStream(call(request)));
    assert.deepEqual(events[1], { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: toolUse?.toolUseId, name: 'get_weather' } } } });
    const json = events.flatMap((e) => ('contentBlockDelta' in e ? [e.contentBlockDelta.delta.toolUse?.input ?? ''] : [])).join('');
    assert.deepEqual(JSON.parse(json), input);
    const answered = await sim.converse(call({
      ...request,
      messages: [...(request.messages ?? []), { role: 'assistant', content: [{ toolUse: toolUse! }] }, { role: 'user', content: [{ toolResult: { toolUseId: toolUse!.toolUseId, content: [{ text: 'sunny' }] } }] }],
    }));
    assert.equal(answered.stopReason, 'end_turn');
  });

  test('embeddings are deterministic unit vectors of the requested dimension', async () => {
    const sim = createSimulatorProvider(options, noWait);
    const embed = sim.embed?.bind(sim);
    assert.ok(embed);
    const a = await embed(call({ inputText: 'hello', dimensions: 256 }));
    const b = await embed(call({ inputText: 'hello', dimensions: 256 }));
    assert.equal(a.embedding.length, 256);
    assert.deepEqual(a, b);
    assert.ok(Math.abs(Math.hypot(...a.embedding) - 1) < 1e-9);
  });

  test('images are real PNGs: signature, valid CRCs, IHDR size, inflatable pixel data', async () => {
    const sim = createSimulatorProvider(options, noWait);
    const { images } = await sim.generateImage!(call({ prompt: 'a lighthouse', width: 16, height: 8, count: 2 }));
    assert.equal(images.length, 2);
    const png = Buffer.from(images[0] ?? new Uint8Array());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let offset = 8;
    const types: string[] = [];
    let idat = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const typed = png.subarray(offset + 4, offset + 8 + length);
      assert.equal(png.readUInt32BE(offset + 8 + length), crc32(typed) >>> 0);
      const type = typed.subarray(0, 4).toString('latin1');
      types.push(type);
      if (type === 'IHDR') assert.deepEqual([typed.readUInt32BE(4), typed.readUInt32BE(8)], [16, 8]);
      if (type === 'IDAT') idat = Buffer.concat([idat, typed.subarray(4)]);
      offset += 12 + length;
    }
    assert.deepEqual(types, ['IHDR', 'IDAT', 'IEND']);
    assert.equal(inflateSync(idat).length, 8 * (16 * 3 + 1));
    assert.notDeepEqual(images[0], images[1]);
  });

  test('error and throttle rates fail calls, seeded: ModelErrorException, in-stream ModelStreamErrorException, ThrottlingException', async () => {
    const failing = createSimulatorProvider({ ...options, errorRate: 1 }, noWait);
    await assert.rejects(failing.converse(call(hello)), (e: ServiceError) => e.code === 'ModelErrorException' && e.httpStatus === 424);
    const seen: ConverseStreamEvent[] = [];
    await assert.rejects(async () => {
      for await (const event of failing.converseStream(call(hello))) seen.push(event);
    }, (e: ServiceError) => e.code === 'ModelStreamErrorException');
    assert.ok(seen.length > 1, 'content arrives before the failure');
    const throttling = createSimulatorProvider({ ...options, throttleRate: 1 }, noWait);
    await assert.rejects(throttling.converse(call(hello)), (e: ServiceError) => e.code === 'ThrottlingException' && e.httpStatus === 429);
    const half = (seed: number) => createSimulatorProvider({ ...options, errorRate: 0.5, seed }, noWait);
    const fates = async (seed: number) => {
      const sim = half(seed);
      const out: boolean[] = [];
      for (let i = 0; i < 20; i++) out.push(await sim.converse(call(hello)).then(() => true, () => false));
      return out;
    };
    const first = await fates(3);
    assert.deepEqual(await fates(3), first);
    assert.ok(first.includes(true) && first.includes(false));
  });

  test('options are checked', () => {
    assert.deepEqual(parseSimulatorOptions({ kind: 'simulator' }), DEFAULT_SIMULATOR_OPTIONS);
    assert.equal(parseSimulatorOptions({ errorRate: 0.25 }).errorRate, 0.25);
    assert.throws(() => parseSimulatorOptions({ errorRate: 2 }), /errorRate/);
    assert.throws(() => parseSimulatorOptions({ colour: 'red' }), /unknown simulator option 'colour'/);
  });
});
