/**
 * A tokenizer-free token estimate (about four characters per token, the rule of thumb for English text with BPE
 * tokenizers). The simulator reports it as usage and CountTokens answers with it, so the two agree.
 */
export function estimateTokens(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : Math.max(1, Math.ceil(trimmed.length / 4));
}
