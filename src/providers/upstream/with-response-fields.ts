import type { ConverseRequest, ConverseResult } from '../converse-types.js';
import { pickResponseFields } from './response-field-paths.js';

/** Adds the raw-answer fields the caller asked for with `additionalModelResponseFieldPaths`. */
export function withResponseFields(result: ConverseResult, rawAnswer: unknown, request: ConverseRequest): ConverseResult {
  const fields = pickResponseFields(rawAnswer, request.additionalModelResponseFieldPaths);
  return fields === undefined ? result : { ...result, additionalModelResponseFields: fields };
}
