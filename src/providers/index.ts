export type {
  EmbedRequest,
  EmbedResult,
  ImageRequest,
  ImageResult,
  ModelProvider,
  ProviderCall,
  RawInvokeRequest,
  RawInvokeResult,
  RawStreamChunk,
} from './model-provider.js';
export type {
  BinarySource,
  ContentBlock,
  ConversationRole,
  ConverseRequest,
  ConverseResult,
  ConverseStreamEvent,
  DocumentBlock,
  ImageFormat,
  InferenceConfiguration,
  Message,
  ReasoningContentBlock,
  StopReason,
  SystemContentBlock,
  TokenUsage,
  ToolConfiguration,
  ToolResultBlock,
  ToolResultContent,
  ToolSpecification,
  ToolUseBlock,
} from './converse-types.js';
export { estimateTokens } from './token-estimate.js';
export { estimateInputTokens, promptText } from './prompt-text.js';
