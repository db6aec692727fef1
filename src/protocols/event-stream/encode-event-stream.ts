import { isServiceError } from '../../kernel/index.js';
import type { EventStreamUnion } from '../../models/index.js';
import { errorFrame, eventFrame, exceptionFrame } from './event-frames.js';

export interface EncodeEventStreamOptions {
  readonly union: EventStreamUnion;
  /** Serialises one event structure to JSON (the protocol's own rules, e.g. blobs as base64). */
  readonly toJson: (value: Readonly<Record<string, unknown>>) => string;
  /** Adds Bedrock's random-looking `"p"` padding key to each payload (clients ignore unknown keys). */
  readonly pad?: boolean;
  /**
   * Sends an `initial-response` event (the output's non-stream members, here none: `{}`) before the first event.
   * botocore requires it on awsJson event streams ("First event was not of type initial-response"); the JS SDK
   * accepts it. Bedrock's restJson streams do not send it.
   */
  readonly initialResponse?: boolean;
}

/**
 * Frames an operation's event-stream output: each union value (`{ messageStart: {...} }`) becomes one event
 * message as soon as the operation yields it. An iterator that throws a `ServiceError` whose code the union models
 * ends the stream with that in-stream exception (`:exception-type` = the member name); any other failure ends it
 * with an unmodeled error message. Stopping the returned iterator stops the source.
 */
export async function* encodeEventStream(source: AsyncIterable<unknown>, options: EncodeEventStreamOptions): AsyncGenerator<Uint8Array> {
  const { union } = options;
  const exceptionMember = (code: string): string | undefined =>
    Object.entries(union.exceptions).find(([, shape]) => shape === code)?.[0];
  if (options.initialResponse === true) yield eventFrame('initial-response', '{}');
  try {
    for await (const value of source) {
      const [member, payload] = soleEntry(value);
      if (member === undefined || !(member in union.events)) {
        yield errorFrame('InternalServerException', `The service produced an event the stream does not model: ${member ?? 'none'}.`);
        return;
      }
      yield eventFrame(member, options.toJson(withPadding(payload, options.pad === true)));
    }
  } catch (error) {
    if (!isServiceError(error)) {
      const member = exceptionMember('InternalServerException');
      if (member !== undefined) yield exceptionFrame(member, options.toJson({ message: 'The server encountered an internal error.' }));
      else yield errorFrame('InternalFailure', 'The server encountered an internal error.');
      return;
    }
    const member = exceptionMember(error.code);
    if (member === undefined) yield errorFrame(error.code, error.message);
    else yield exceptionFrame(member, options.toJson({ message: error.message, ...error.members }));
  }
}

function soleEntry(value: unknown): [string | undefined, Readonly<Record<string, unknown>>] {
  if (typeof value !== 'object' || value === null) return [undefined, {}];
  const entries = Object.entries(value);
  if (entries.length !== 1) return [undefined, {}];
  const [member, payload] = entries[0] as [string, unknown];
  return [member, typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {}];
}

const PAD_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Real Bedrock pads each payload to blur its length; a deterministic length keeps frames reproducible. */
function withPadding(payload: Readonly<Record<string, unknown>>, pad: boolean): Readonly<Record<string, unknown>> {
  if (!pad) return payload;
  const length = 1 + (JSON.stringify(payload).length % PAD_ALPHABET.length);
  return { ...payload, p: PAD_ALPHABET.slice(0, length) };
}
