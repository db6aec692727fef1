import type { StopReason } from '../../../../providers/converse-types.js';
import { estimateInputTokens } from '../../../../providers/prompt-text.js';
import { malformedBody } from '../runtime-errors.js';
import type { TextBodyFormat } from './body-format.js';
import { isObject, optionalInteger, optionalNumber, optionalStringList, requiredString } from './body-checks.js';

/**
 * Amazon Titan Text (spec 3.7; field names from memory there, [unconfirmed]): `{"inputText", "textGenerationConfig":
 * {maxTokenCount, temperature, topP, stopSequences}}` answered with `{"inputTextTokenCount", "results": [...]}`.
 */
export const titanTextFormat: TextBodyFormat = {
  kind: 'text',
  toConverse(body) {
    const inputText = requiredString(body, 'inputText');
    const config = body.textGenerationConfig;
    if (config !== undefined && config !== null && !isObject(config)) throw malformedBody('#/textGenerationConfig: expected type: JSONObject');
    const c = isObject(config) ? config : {};
    const path = '#/textGenerationConfig';
    const maxTokens = optionalInteger(c, 'maxTokenCount', { min: 0, max: 8192 }, path);
    const temperature = optionalNumber(c, 'temperature', { min: 0, max: 1 }, path);
    const topP = optionalNumber(c, 'topP', { min: 0, max: 1 }, path);
    const stopSequences = optionalStringList(c, 'stopSequences', path);
    return {
      messages: [{ role: 'user', content: [{ text: inputText }] }],
      inferenceConfig: {
        ...(maxTokens === undefined ? {} : { maxTokens: Math.max(1, maxTokens) }),
        ...(temperature === undefined ? {} : { temperature }),
        ...(topP === undefined ? {} : { topP }),
        ...(stopSequences === undefined || stopSequences.length === 0 ? {} : { stopSequences }),
      },
    };
  },
  fromResult(result) {
    const outputText = result.message.content.map((b) => b.text ?? '').join('');
    return {
      inputTextTokenCount: result.usage?.inputTokens ?? 0,
      results: [{ tokenCount: result.usage?.outputTokens ?? 0, outputText, completionReason: completionReason(result.stopReason) }],
    };
  },
  streamer(ctx) {
    let first = true;
    let stopReason: StopReason = 'end_turn';
    return {
      push(event) {
        if ('messageStop' in event) stopReason = event.messageStop.stopReason;
        if (!('contentBlockDelta' in event) || event.contentBlockDelta.delta.text === undefined) return [];
        const chunk = {
          outputText: event.contentBlockDelta.delta.text,
          index: 0,
          totalOutputTextTokenCount: null,
          completionReason: null,
          inputTextTokenCount: first ? estimateInputTokens(ctx.request) : null,
        };
        first = false;
        return [chunk];
      },
      end: (result) => [
        {
          outputText: '',
          index: 0,
          totalOutputTextTokenCount: result.usage?.outputTokens ?? null,
          completionReason: completionReason(stopReason),
          inputTextTokenCount: null,
        },
      ],
    };
  },
};

function completionReason(reason: StopReason): string {
  if (reason === 'max_tokens') return 'LENGTH';
  if (reason === 'content_filtered' || reason === 'guardrail_intervened') return 'CONTENT_FILTERED';
  return 'FINISH';
}
