import { seededRandom } from '../../kernel/index.js';

const WORDS = (
  'the a model answer stream token local gateway request response simple clear quiet bright river stone cloud ' +
  'signal metric record log value window light green blue small large quick steady careful open simulated ' +
  'invocation latency output input message system tool result sample data point line field shape table'
).split(' ');

/** FNV-1a 32-bit: a stable number for a prompt, so the same prompt and seed always give the same answer. */
export function hashText(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** `count` words (one token each) chosen by a PRNG seeded from the prompt; the first is capitalised. */
export function seededWords(prompt: string, seed: number, count: number): string[] {
  const random = seededRandom(hashText(prompt, seed));
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'token';
    words.push(i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word);
  }
  return words;
}

/** The word pieces as streamed: each but the first carries its leading space, and the last a full stop. */
export function textPieces(words: readonly string[]): string[] {
  return words.map((word, i) => `${i === 0 ? '' : ' '}${word}${i === words.length - 1 ? '.' : ''}`);
}
