import type { EmbedRequest, EmbedResult, ImageRequest, ImageResult } from '../../../../providers/model-provider.js';
import type { ConverseRequest, ConverseResult, ConverseStreamEvent } from '../../../../providers/converse-types.js';

/**
 * An InvokeModel body format (spec 3.7): how a model family's request body maps to the ModelProvider port and how
 * the answer is written back in that family's response and stream-chunk shapes. Bodies arrive JSON-parsed; a body
 * that breaks the format's schema is a ValidationException worded as Bedrock's schema checker words it.
 */
export type BodyFormat = TextBodyFormat | EmbeddingBodyFormat | ImageBodyFormat;

export interface FormatContext {
  readonly requestId: string;
  readonly upstreamModel: string;
  readonly request: ConverseRequest;
}

export interface TextBodyFormat {
  readonly kind: 'text';
  toConverse(body: Readonly<Record<string, unknown>>): ConverseRequest;
  fromResult(result: ConverseResult, ctx: FormatContext): unknown;
  streamer(ctx: FormatContext): ChunkStreamer;
}

/** Turns ConverseStream events into the family's chunk JSONs, in order. */
export interface ChunkStreamer {
  push(event: ConverseStreamEvent): readonly Record<string, unknown>[];
  /** The closing chunk(s); the gateway adds `amazon-bedrock-invocationMetrics` to the last one. */
  end(result: ConverseResult): readonly Record<string, unknown>[];
}

export interface EmbeddingBodyFormat {
  readonly kind: 'embedding';
  toEmbed(body: Readonly<Record<string, unknown>>): EmbedRequest;
  fromResult(result: EmbedResult, body: Readonly<Record<string, unknown>>): unknown;
}

export interface ImageBodyFormat {
  readonly kind: 'image';
  toImage(body: Readonly<Record<string, unknown>>): ImageRequest;
  fromResult(result: ImageResult): unknown;
}
