import type { Scope } from './scope.js';

/**
 * Bedrock's model invocation logging configuration as stored: the same members as the API's `LoggingConfig`
 * (storage never imports the models, so the shape is repeated here; it is structurally the API type).
 */
export interface StoredS3Config {
  readonly bucketName: string;
  readonly keyPrefix?: string;
}

export interface StoredLoggingConfig {
  readonly cloudWatchConfig?: {
    readonly logGroupName: string;
    readonly roleArn: string;
    readonly largeDataDeliveryS3Config?: StoredS3Config;
  };
  readonly s3Config?: StoredS3Config;
  readonly textDataDeliveryEnabled?: boolean;
  readonly imageDataDeliveryEnabled?: boolean;
  readonly embeddingDataDeliveryEnabled?: boolean;
  readonly videoDataDeliveryEnabled?: boolean;
  readonly audioDataDeliveryEnabled?: boolean;
}

/**
 * One logging configuration per account and region, durable across restarts. Reads are on the path of every
 * invocation the logger delivers, so adapters answer them from memory.
 */
export interface BedrockConfigStore {
  getLoggingConfig(scope: Scope): Promise<StoredLoggingConfig | undefined>;
  /** Replaces the scope's configuration; resolves once durable. */
  putLoggingConfig(scope: Scope, config: StoredLoggingConfig): Promise<void>;
  /** Removes it; a scope without one is not an error. */
  deleteLoggingConfig(scope: Scope): Promise<void>;
}
