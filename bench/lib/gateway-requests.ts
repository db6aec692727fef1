import { Agent, request } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Endpoint } from './signed-client.js';

/**
 * The gateway bench's request mix, built ahead of time so the timed loop spends no CPU on JSON or SigV4: half
 * whole answers and half streams, sent either straight to the OpenAI-compatible upstream (Chat Completions, the
 * baseline) or to ModelWatch (Converse and ConverseStream, SigV4-signed as the SDK signs them). Signatures stay
 * valid for 15 minutes, longer than a bench run.
 */
export interface GatewayRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Bytes the end of a complete answer contains (a stream cut short would miss them). */
  readonly endMarker: string;
}

export const BENCH_MODEL = 'meta.llama3-2-3b-instruct-v1:0';
const PROMPTS = ['Summarise the incident report in one line.', 'What is the capital of Norway?', 'Write a haiku about logs.', 'Explain SigV4 briefly.'];

const signer = new SignatureV4({
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  region: 'us-east-1',
  service: 'bedrock',
  sha256: Hash.bind(null, 'sha256'),
});

/** Chat Completions requests, alternating JSON and SSE, as an application talking to the upstream directly would send. */
export function directRequests(upstream: Endpoint): GatewayRequest[] {
  return PROMPTS.flatMap((prompt) => [false, true].map((stream) => {
    const body = Buffer.from(JSON.stringify({
      model: 'bench-model', messages: [{ role: 'user', content: prompt }], max_tokens: 64,
      ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    }));
    return {
      path: '/v1/chat/completions',
      headers: { host: `${upstream.host}:${upstream.port}`, 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
      endMarker: stream ? '[DONE]' : '"usage"',
    };
  }));
}

/** The same prompts as Converse and ConverseStream calls to ModelWatch, signed. */
export async function gatewayRequests(gateway: Endpoint): Promise<GatewayRequest[]> {
  const requests: GatewayRequest[] = [];
  for (const prompt of PROMPTS) {
    for (const operation of ['converse', 'converse-stream']) {
      const body = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: [{ text: prompt }] }], inferenceConfig: { maxTokens: 64 } }));
      const path = `/model/${encodeURIComponent(BENCH_MODEL)}/${operation}`;
      const signed = await signer.sign({
        method: 'POST', protocol: 'http:', hostname: gateway.host, port: gateway.port, path, query: {},
        headers: { host: `${gateway.host}:${gateway.port}`, 'content-type': 'application/json', 'content-length': String(body.length) },
        body,
      });
      // An event stream's last message is `metadata` (its `:event-type` header is plain ASCII in the frame).
      requests.push({ path, headers: { ...(signed.headers as Record<string, string>) }, body, endMarker: operation === 'converse' ? '"usage"' : 'metadata' });
    }
  }
  return requests;
}

export function benchAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1024, keepAliveMsecs: 10_000 });
}

/** Sends one prepared request; resolves once the whole answer is read, rejects on a non-200 or a truncated answer. */
export function sendGatewayRequest(endpoint: Endpoint, agent: Agent, prepared: GatewayRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: endpoint.host, port: endpoint.port, method: 'POST', path: prepared.path, headers: prepared.headers, agent }, (res) => {
      let tail = '';
      let ended = false;
      res.on('data', (chunk: Buffer) => { tail = (tail + chunk.toString('latin1')).slice(-512); });
      // A connection closed mid-answer fires 'close' without 'end' (and not always 'error').
      res.on('close', () => { if (!ended) reject(new Error(`connection closed mid-answer from ${prepared.path}`)); });
      res.on('end', () => {
        ended = true;
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode} from ${prepared.path}: ${tail}`));
        else if (!tail.includes(prepared.endMarker)) reject(new Error(`answer from ${prepared.path} ended without ${prepared.endMarker}`));
        else resolve();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(prepared.body);
  });
}
