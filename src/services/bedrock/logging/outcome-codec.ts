import type { InvocationBody, InvocationOutcome } from '../invocation-outcome.js';
import { bodyJsonText } from './body-json-text.js';

/**
 * An InvocationOutcome as one line of JSON for the delivery spool, and back: `{"v":1,"outcome":{...without
 * bodies},"input":body,"output":body}`. A JSON body is spliced in from its cached text (the records need the same
 * text); a binary one becomes base64 (`bytesB64`). The spool is ModelWatch's own file, so decoding trusts its
 * shape; a line that does not parse is reported by the caller and skipped.
 */
interface EncodedBody {
  readonly contentType: string;
  readonly modalities: InvocationBody['modalities'];
  readonly json?: unknown;
  readonly bytesB64?: string;
}

interface EncodedLine {
  readonly v: 1;
  readonly outcome: Omit<InvocationOutcome, 'input' | 'output'>;
  readonly input: EncodedBody;
  readonly output?: EncodedBody;
}

export function encodeOutcome(outcome: InvocationOutcome): string {
  const { input, output, ...rest } = outcome;
  const outputPart = output === undefined ? '' : `,"output":${encodeBody(output)}`;
  return `{"v":1,"outcome":${JSON.stringify(rest)},"input":${encodeBody(input)}${outputPart}}`;
}

export function decodeOutcome(line: string): InvocationOutcome {
  const parsed = JSON.parse(line) as EncodedLine;
  if (parsed.v !== 1 || typeof parsed.outcome?.requestId !== 'string' || typeof parsed.input !== 'object') {
    throw new TypeError('not a spooled invocation outcome');
  }
  return { ...parsed.outcome, input: decodeBody(parsed.input), ...(parsed.output === undefined ? {} : { output: decodeBody(parsed.output) }) };
}

function encodeBody(body: InvocationBody): string {
  const head = `{"contentType":${JSON.stringify(body.contentType)},"modalities":${JSON.stringify(body.modalities)}`;
  if (body.bytes !== undefined) return `${head},"bytesB64":"${Buffer.from(body.bytes).toString('base64')}"}`;
  return `${head},"json":${bodyJsonText(body)}}`;
}

function decodeBody(body: EncodedBody): InvocationBody {
  const { bytesB64, json, ...rest } = body;
  if (bytesB64 !== undefined) return { ...rest, bytes: new Uint8Array(Buffer.from(bytesB64, 'base64')) };
  return { ...rest, json };
}
