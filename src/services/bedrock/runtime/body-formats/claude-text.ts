import type { Message, StopReason } from '../../../../providers/converse-types.js';
import { malformedBody } from '../runtime-errors.js';
import type { TextBodyFormat } from './body-format.js';
import { optionalInteger, optionalNumber, optionalStringList, required, requiredString } from './body-checks.js';

const HUMAN = '\n\nHuman:';
const ASSISTANT = '\n\nAssistant:';

/**
 * Legacy Claude v2 text completions (spec 3.7): `{"prompt": "\n\nHuman: ...\n\nAssistant:", "max_tokens_to_sample"}`
 * answered with `{"completion", "stop_reason", "stop"}`, streamed as one such chunk per piece of text.
 */
export const claudeTextFormat: TextBodyFormat = {
  kind: 'text',
  toConverse(body) {
    const prompt = requiredString(body, 'prompt');
    const maxTokens = optionalInteger(body, 'max_tokens_to_sample', { min: 1 });
    if (maxTokens === undefined) required(body, 'max_tokens_to_sample');
    // [unconfirmed] Bedrock's wording for a prompt without the Human/Assistant turns.
    if (!prompt.includes(HUMAN) || !prompt.trimEnd().endsWith(ASSISTANT.trim())) {
      throw malformedBody('prompt must start with "\\n\\nHuman:" and end with "\\n\\nAssistant:"');
    }
    const temperature = optionalNumber(body, 'temperature', { min: 0, max: 1 });
    const topP = optionalNumber(body, 'top_p', { min: 0, max: 1 });
    const stops = optionalStringList(body, 'stop_sequences') ?? [];
    const start = prompt.indexOf(HUMAN);
    const system = prompt.slice(0, start).trim();
    return {
      messages: turns(prompt.slice(start)),
      ...(system === '' ? {} : { system: [{ text: system }] }),
      inferenceConfig: {
        ...(maxTokens === undefined ? {} : { maxTokens }),
        ...(temperature === undefined ? {} : { temperature }),
        ...(topP === undefined ? {} : { topP }),
        stopSequences: [HUMAN, ...stops],
      },
    };
  },
  fromResult(result) {
    const text = result.message.content.map((b) => b.text ?? '').join('');
    return { type: 'completion', completion: ` ${text}`, ...stopOf(result.stopReason) };
  },
  streamer() {
    let first = true;
    let stopReason: StopReason = 'end_turn';
    return {
      push(event) {
        if ('messageStop' in event) stopReason = event.messageStop.stopReason;
        if (!('contentBlockDelta' in event) || event.contentBlockDelta.delta.text === undefined) return [];
        const completion = `${first ? ' ' : ''}${event.contentBlockDelta.delta.text}`;
        first = false;
        return [{ completion, stop_reason: null, stop: null }];
      },
      end: () => [{ completion: '', ...stopOf(stopReason) }],
    };
  },
};

function stopOf(reason: StopReason): { stop_reason: string; stop: string | null } {
  return reason === 'max_tokens' ? { stop_reason: 'max_tokens', stop: null } : { stop_reason: 'stop_sequence', stop: HUMAN };
}

/** Splits `\n\nHuman: a\n\nAssistant: b\n\nHuman: c\n\nAssistant:` into alternating user/assistant messages. */
function turns(text: string): Message[] {
  const messages: Message[] = [];
  const pattern = /\n\n(Human|Assistant):/g;
  const marks = [...text.matchAll(pattern)];
  marks.forEach((mark, i) => {
    const from = (mark.index ?? 0) + mark[0].length;
    const to = marks[i + 1]?.index ?? text.length;
    const content = text.slice(from, to).trim();
    if (content === '') return;
    messages.push({ role: mark[1] === 'Human' ? 'user' : 'assistant', content: [{ text: content }] });
  });
  return messages;
}
