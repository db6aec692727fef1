import type { InvocationBody, InvocationOutcome } from '../invocation-outcome.js';

/**
 * An InvocationOutcome as one line of JSON for the delivery spool, and back. Binary bodies become base64 (`bytesB64`);
 * everything else is already JSON. The spool is ModelWatch's own file, so decoding trusts its shape; a line that
 * does not parse is reported by the caller and skipped.
 */
interface EncodedBody extends Omit<InvocationBody, 'bytes'> {
  readonly bytesB64?: string;
}

interface EncodedOutcome extends Omit<InvocationOutcome, 'input' | 'output'> {
  readonly v: 1;
  readonly input: EncodedBody;
  readonly output?: EncodedBody;
}

export function encodeOutcome(outcome: InvocationOutcome): string {
  const encoded: EncodedOutcome = {
    ...outcome,
    v: 1,
    input: encodeBody(outcome.input),
    ...(outcome.output === undefined ? {} : { output: encodeBody(outcome.output) }),
  };
  return JSON.stringify(encoded);
}

export function decodeOutcome(line: string): InvocationOutcome {
  const parsed = JSON.parse(line) as EncodedOutcome;
  if (parsed.v !== 1 || typeof parsed.requestId !== 'string' || typeof parsed.input !== 'object') {
    throw new TypeError('not a spooled invocation outcome');
  }
  const { v: _version, input, output, ...rest } = parsed;
  return { ...rest, input: decodeBody(input), ...(output === undefined ? {} : { output: decodeBody(output) }) };
}

function encodeBody(body: InvocationBody): EncodedBody {
  const { bytes, ...rest } = body;
  return bytes === undefined ? rest : { ...rest, bytesB64: Buffer.from(bytes).toString('base64') };
}

function decodeBody(body: EncodedBody): InvocationBody {
  const { bytesB64, ...rest } = body;
  return bytesB64 === undefined ? rest : { ...rest, bytes: new Uint8Array(Buffer.from(bytesB64, 'base64')) };
}
