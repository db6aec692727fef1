import { DEFAULT_TIMEOUT_MS, OptionReader } from '../upstream/option-reader.js';

export interface UpstreamCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** How to reach real Amazon Bedrock, or another ModelWatch, and sign for it. */
export interface BedrockOptions {
  /** Signing region, e.g. `us-east-1`. */
  readonly region: string;
  /** bedrock-runtime endpoint; `https://bedrock-runtime.<region>.amazonaws.com` by default. */
  readonly endpoint: string;
  /** The upstream's credentials (the operator's, never the caller's). */
  readonly credentials: UpstreamCredentials;
  /** Silence limit per call (and between stream frames) before ModelTimeoutException. */
  readonly timeoutMs: number;
}

const KEYS = ['region', 'endpoint', 'credentials', 'timeoutMs'] as const;

export function parseBedrockOptions(raw: unknown, env: Readonly<Record<string, string | undefined>> = process.env): BedrockOptions {
  const read = new OptionReader(raw, 'bedrock provider', KEYS, env);
  const region = read.requiredString('region');
  if (!/^[a-z0-9-]+$/.test(region)) throw new Error(`bedrock provider: "region" must look like us-east-1, got "${region}"`);
  const credentials = read.object('credentials');
  if (credentials === undefined) throw new Error('bedrock provider: "credentials" is required ({"accessKeyId", "secretAccessKey", "sessionToken"?})');
  const creds = new OptionReader(credentials, 'bedrock provider credentials', ['accessKeyId', 'secretAccessKey', 'sessionToken'], env);
  const sessionToken = creds.secret('sessionToken');
  return {
    region,
    endpoint: read.url('endpoint') ?? `https://bedrock-runtime.${region}.amazonaws.com`,
    credentials: {
      accessKeyId: creds.requiredSecret('accessKeyId'),
      secretAccessKey: creds.requiredSecret('secretAccessKey'),
      ...(sessionToken === undefined ? {} : { sessionToken }),
    },
    timeoutMs: read.positiveInteger('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
  };
}
