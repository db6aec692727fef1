import type { StoredLoggingConfig, StoredS3Config } from '../../../storage/index.js';
import type { InvocationBody, InvocationModality, InvocationOutcome } from '../invocation-outcome.js';
import { bodyJsonText } from './body-json-text.js';
import { largeDataKey } from './s3-log-keys.js';

/** Bodies whose JSON is larger than this, or that are binary, leave the record for a large-data object (spec 2.4). */
export const INLINE_BODY_LIMIT_BYTES = 100 * 1024; // [unconfirmed] "100 KB" read as KiB, measured per body

/** How one body appears in a record. */
export type BodyPlacement =
  | { readonly kind: 'omitted' }
  | { readonly kind: 'inline'; readonly json: unknown }
  | { readonly kind: 'offloaded'; readonly s3Path: string };

/** A large or binary body to write before the record that points at it. `body` is not yet gzipped. */
export interface LargeDataUpload {
  readonly which: 'input' | 'output';
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
}

export interface PlannedBodies {
  readonly input: BodyPlacement;
  readonly output: BodyPlacement;
  readonly uploads: readonly LargeDataUpload[];
  /** A body was left out only because it was too large or binary and there was no large-data bucket. */
  readonly sizeOmitted: boolean;
}

const TOGGLES: Readonly<Record<InvocationModality, keyof StoredLoggingConfig>> = {
  text: 'textDataDeliveryEnabled',
  image: 'imageDataDeliveryEnabled',
  embedding: 'embeddingDataDeliveryEnabled',
  video: 'videoDataDeliveryEnabled',
  audio: 'audioDataDeliveryEnabled',
};

/**
 * A body is logged only when every modality it carries is switched on (an absent switch is off, as the API's
 * optional booleans are) [unconfirmed: AWS may log the text of a mixed text+image body with only text on].
 */
export function bodyEnabled(config: StoredLoggingConfig, body: InvocationBody): boolean {
  return body.modalities.every((modality) => config[TOGGLES[modality]] === true);
}

/**
 * Image, video and audio data are binary even inside a JSON body (an image model's base64 PNGs, a Converse image
 * block's bytes): spec 2.4 sends "binary data" to the large-data bucket whatever its size [unconfirmed: whether AWS
 * offloads a small JSON body that only embeds an image].
 */
function carriesBinaryData(body: InvocationBody): boolean {
  return body.modalities.some((modality) => modality === 'image' || modality === 'video' || modality === 'audio');
}

/**
 * Decides, for one destination, where each body of an outcome goes: omitted (its data type is off, or it is too
 * large with nowhere to put it [unconfirmed]), inline, or in a large-data object under `largeData` (for the
 * CloudWatch destination its `largeDataDeliveryS3Config`; for the S3 destination the `s3Config` bucket itself).
 */
export function planRecordBodies(options: {
  readonly outcome: InvocationOutcome;
  readonly config: StoredLoggingConfig;
  readonly largeData: StoredS3Config | undefined;
  /** Names the data objects: `{uuid}_input.json.gz`, `{uuid}_output.json.gz`. */
  readonly uuid: string;
}): PlannedBodies {
  const { outcome, config, largeData, uuid } = options;
  const uploads: LargeDataUpload[] = [];
  let sizeOmitted = false;
  const place = (body: InvocationBody | undefined, which: 'input' | 'output'): BodyPlacement => {
    if (body === undefined || !bodyEnabled(config, body)) return { kind: 'omitted' };
    if (body.bytes === undefined && !carriesBinaryData(body)) {
      const text = bodyJsonText(body);
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes <= INLINE_BODY_LIMIT_BYTES) return { kind: 'inline', json: body.json ?? null };
      if (largeData === undefined) return sizeOmission();
      return offload(new TextEncoder().encode(text), which);
    }
    return largeData === undefined ? sizeOmission() : offload(body.bytes ?? new TextEncoder().encode(bodyJsonText(body)), which);
  };
  const sizeOmission = (): BodyPlacement => {
    sizeOmitted = true;
    return { kind: 'omitted' };
  };
  const offload = (body: Uint8Array, which: 'input' | 'output'): BodyPlacement => {
    const bucket = (largeData as StoredS3Config).bucketName;
    const key = largeDataKey(
      { prefix: largeData?.keyPrefix, accountId: outcome.caller.accountId, region: outcome.caller.region, time: outcome.startedAt },
      uuid,
      which,
    );
    uploads.push({ which, bucket, key, body });
    return { kind: 'offloaded', s3Path: `s3://${bucket}/${key}` };
  };
  const input = place(outcome.input, 'input');
  const output = place(outcome.output, 'output');
  return { input, output, uploads, sizeOmitted };
}
