import type { BodyFormatName } from '../../model-catalog.js';
import { validation } from '../runtime-errors.js';
import { anthropicMessagesFormat } from './anthropic-messages.js';
import type { BodyFormat } from './body-format.js';
import type { JsonObject } from './body-checks.js';
import { claudeTextFormat } from './claude-text.js';
import { titanEmbedV1Format, titanEmbedV2Format } from './titan-embeddings.js';
import { titanImageFormat } from './titan-image.js';
import { titanTextFormat } from './titan-text.js';

/** The format of one InvokeModel body: the model's, except that Claude also takes the legacy `prompt` body. */
export function selectBodyFormat(name: BodyFormatName, body: JsonObject): BodyFormat {
  switch (name) {
    case 'anthropic-messages':
      return 'prompt' in body && !('messages' in body) ? claudeTextFormat : anthropicMessagesFormat;
    case 'titan-text':
      return titanTextFormat;
    case 'titan-embed-v1':
      return titanEmbedV1Format;
    case 'titan-embed-v2':
      return titanEmbedV2Format;
    case 'titan-image':
      return titanImageFormat;
    case 'none':
      // [unconfirmed] The model is served for Converse only (no InvokeModel body format configured).
      throw validation('This model does not support InvokeModel here; use Converse.');
  }
}
