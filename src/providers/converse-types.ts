/**
 * The provider-neutral conversation shapes: Bedrock's Converse request and response, which every backend translates
 * to and from. They mirror the bedrock-runtime model's shapes member for member (the generated types in
 * src/models/bedrock-runtime are structurally assignable to these), so the gateway passes a validated Converse input
 * straight through.
 */

export type ConversationRole = 'user' | 'assistant';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/** Binary content arrives as bytes; an S3 location is passed on untouched for backends that can read it. */
export interface BinarySource {
  readonly bytes?: Uint8Array;
  readonly s3Location?: { readonly uri: string; readonly bucketOwner?: string };
}

export interface ToolUseBlock {
  readonly toolUseId: string;
  readonly name: string;
  /** Any JSON value (a Smithy document). */
  readonly input: unknown;
}

export interface ToolResultContent {
  readonly json?: unknown;
  readonly text?: string;
  readonly image?: { readonly format: ImageFormat; readonly source: BinarySource };
  readonly document?: DocumentBlock;
}

export interface ToolResultBlock {
  readonly toolUseId: string;
  readonly content: readonly ToolResultContent[];
  readonly status?: 'success' | 'error';
}

export interface DocumentBlock {
  readonly format?: string;
  readonly name: string;
  readonly source: BinarySource & { readonly text?: string };
}

export interface ReasoningContentBlock {
  readonly reasoningText?: { readonly text: string; readonly signature?: string };
  readonly redactedContent?: Uint8Array;
}

/** A Converse ContentBlock: a union, so exactly one member is set. Members a backend cannot carry are refused there. */
export interface ContentBlock {
  readonly text?: string;
  readonly image?: { readonly format: ImageFormat; readonly source: BinarySource };
  readonly document?: DocumentBlock;
  readonly toolUse?: ToolUseBlock;
  readonly toolResult?: ToolResultBlock;
  readonly reasoningContent?: ReasoningContentBlock;
  readonly cachePoint?: { readonly type: 'default'; readonly ttl?: string };
}

export interface Message {
  readonly role: ConversationRole;
  readonly content: readonly ContentBlock[];
}

export interface SystemContentBlock {
  readonly text?: string;
  readonly cachePoint?: { readonly type: 'default'; readonly ttl?: string };
}

export interface InferenceConfiguration {
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stopSequences?: readonly string[];
}

export interface ToolSpecification {
  readonly name: string;
  readonly description?: string;
  readonly inputSchema: { readonly json?: unknown };
}

export interface ToolConfiguration {
  readonly tools: readonly { readonly toolSpec?: ToolSpecification; readonly cachePoint?: { readonly type: 'default' } }[];
  readonly toolChoice?: { readonly auto?: object; readonly any?: object; readonly tool?: { readonly name: string } };
}

/** The Converse/ConverseStream request without `modelId` (the gateway resolves that to a backend and model). */
export interface ConverseRequest {
  readonly messages?: readonly Message[];
  readonly system?: readonly SystemContentBlock[];
  readonly inferenceConfig?: InferenceConfiguration;
  readonly toolConfig?: ToolConfiguration;
  readonly additionalModelRequestFields?: unknown;
  readonly additionalModelResponseFieldPaths?: readonly string[];
}

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'guardrail_intervened'
  | 'content_filtered'
  | 'malformed_model_output'
  | 'malformed_tool_use'
  | 'model_context_window_exceeded';

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
  readonly cacheReadInputTokens?: number;
  readonly cacheWriteInputTokens?: number;
}

/** What a backend answered. `usage` is absent when the backend reported none: the record then says so, never 0. */
export interface ConverseResult {
  readonly message: Message;
  readonly stopReason: StopReason;
  readonly usage?: TokenUsage;
  readonly additionalModelResponseFields?: unknown;
}

/** ConverseStream's events (spec 3.5), in the order a backend emits them; the gateway frames each as it arrives. */
export type ConverseStreamEvent =
  | { readonly messageStart: { readonly role: ConversationRole } }
  | {
      readonly contentBlockStart: {
        readonly contentBlockIndex: number;
        readonly start: { readonly toolUse?: { readonly toolUseId: string; readonly name: string } };
      };
    }
  | {
      readonly contentBlockDelta: {
        readonly contentBlockIndex: number;
        readonly delta: {
          readonly text?: string;
          /** Partial JSON text of the tool input, as the backend streams it. */
          readonly toolUse?: { readonly input: string };
          readonly reasoningContent?: { readonly text?: string; readonly signature?: string };
        };
      };
    }
  | { readonly contentBlockStop: { readonly contentBlockIndex: number } }
  | { readonly messageStop: { readonly stopReason: StopReason; readonly additionalModelResponseFields?: unknown } }
  | { readonly metadata: { readonly usage?: TokenUsage; readonly metrics?: { readonly latencyMs: number } } };
