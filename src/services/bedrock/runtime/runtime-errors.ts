import { ServiceError } from '../../../kernel/index.js';

/** Bedrock runtime errors (spec 3.6); statuses are the model's, the rest-json codec reads them from there too. */

export function validation(message: string): ServiceError {
  return new ServiceError('ValidationException', message, { httpStatus: 400 });
}

/** What Bedrock answers for a model id it does not serve. [unconfirmed: observed text, not in the model] */
export function invalidModel(): ServiceError {
  return validation('The provided model identifier is invalid.');
}

/** Converse on an embedding or image model. [unconfirmed: text as commonly reported] */
export function unsupportedModelForConverse(): ServiceError {
  return validation("This action doesn't support the model that you provided. Try again with a supported text or chat model.");
}

/** An InvokeModel body the model's format rejects, in Bedrock's JSON-schema wording. */
export function malformedBody(detail: string): ServiceError {
  return validation(`Malformed input request: ${detail}, please reformat your input and try again.`);
}

export function throttled(kind: 'requests' | 'tokens'): ServiceError {
  // [unconfirmed] Bedrock's on-demand quota texts.
  const message = kind === 'requests' ? 'Too many requests, please wait before trying again.' : 'Too many tokens, please wait before trying again.';
  return new ServiceError('ThrottlingException', message, { httpStatus: 429 });
}

export function internalServer(): ServiceError {
  return new ServiceError('InternalServerException', 'The server encountered an internal error.', { httpStatus: 500, fault: 'server' });
}
