import type { Operation } from '../../../../kernel/index.js';
import type { CountTokensRequest } from '../../../../models/bedrock-runtime/index.js';
import type { ConverseRequest } from '../../../../providers/converse-types.js';
import { estimateInputTokens } from '../../../../providers/prompt-text.js';
import { selectBodyFormat } from '../body-formats/select-body-format.js';
import { parseInvokeBody } from '../invoke-body.js';
import type { RuntimeContext } from '../runtime-deps.js';
import { invalidModel, validation } from '../runtime-errors.js';
import { parseRuntimeInput } from '../runtime-input.js';

/**
 * `POST /model/{modelId}/count-tokens`: the input tokens a Converse or InvokeModel request would use, by the same
 * estimate the simulator reports as usage. CountTokens is free on AWS: it is neither logged nor metered.
 */
export function countTokens(rt: RuntimeContext): Operation {
  return async (raw) => {
    const input = parseRuntimeInput<CountTokensRequest>('CountTokens', raw);
    const model = rt.catalog.resolve(input.modelId);
    if (model === undefined) throw invalidModel();
    const { converse, invokeModel } = input.input;
    if ((converse === undefined) === (invokeModel === undefined)) {
      throw validation('Exactly one of converse or invokeModel must be set in input.');
    }
    let request: Pick<ConverseRequest, 'system' | 'messages'>;
    if (converse !== undefined) request = converse as Pick<ConverseRequest, 'system' | 'messages'>;
    else {
      const body = parseInvokeBody(invokeModel?.body);
      const format = selectBodyFormat(model.bodyFormat, body);
      if (format.kind === 'text') request = format.toConverse(body);
      else if (format.kind === 'embedding') request = { messages: [{ role: 'user', content: [{ text: format.toEmbed(body).inputText }] }] };
      else request = { messages: [{ role: 'user', content: [{ text: format.toImage(body).prompt }] }] };
    }
    return { inputTokens: estimateInputTokens(request) };
  };
}
