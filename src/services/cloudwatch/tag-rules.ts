import type { Tag } from '../../models/cloudwatch/index.js';
import { invalidParameterValue } from './errors.js';

/** "You can associate as many as 50 tags with a CloudWatch resource." */
export const MAX_TAGS = 50;

/** AWS's tag character set: letters, separators, digits and `_ . : / = + - @`. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * The tag rules beyond the model's lengths (which the shape validator applies): AWS's character set and reserved
 * `aws:` prefix for keys, and 50 tags at most. Texts are [unconfirmed]; the code is the model's
 * InvalidParameterValue, the only client error TagResource models besides ResourceNotFoundException.
 */
export function checkTagKeys(keys: readonly string[], parameter: string): void {
  keys.forEach((key, i) => {
    if (!TAG_CHARACTERS.test(key)) throw invalidParameterValue(`The value ${key} for parameter ${parameter}.member.${i + 1} is invalid.`);
    if (key.toLowerCase().startsWith('aws:')) throw invalidParameterValue(`Tag keys starting with 'aws:' are reserved for AWS use: ${key}`);
  });
}

/** The request's tags as a map (a later duplicate key wins, as when tagging twice), checked as above. */
export function tagMap(tags: readonly Tag[]): Record<string, string> {
  checkTagKeys(tags.map((t) => t.Key), 'Tags');
  tags.forEach((tag, i) => {
    if (!TAG_CHARACTERS.test(tag.Value)) throw invalidParameterValue(`The value ${tag.Value} for parameter Tags.member.${i + 1}.Value is invalid.`);
  });
  if (tags.length > MAX_TAGS) throw tooManyTags();
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}

export const tooManyTags = () => invalidParameterValue(`A resource can have at most ${MAX_TAGS} tags.`);
