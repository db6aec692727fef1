import { ServiceError } from '../../kernel/index.js';

/*
 * CloudWatch errors. The JSON wire names them by their shape (`__type`), the awsQuery wire and the
 * `x-amzn-query-error` header by their query code (spec 9.1). Texts marked "observed" were captured from real AWS
 * responses (users' error reports); the others follow AWS's wording style but are unconfirmed.
 */

export function invalidParameterValue(message: string): ServiceError {
  return new ServiceError('InvalidParameterValueException', message, { queryCode: 'InvalidParameterValue' });
}

export function missingParameter(message: string): ServiceError {
  return new ServiceError('MissingRequiredParameterException', message, { queryCode: 'MissingParameter' });
}

export function invalidParameterCombination(message: string): ServiceError {
  return new ServiceError('InvalidParameterCombinationException', message, { queryCode: 'InvalidParameterCombination' });
}

/**
 * Model constraint failures (Coral's `1 validation error detected: ...` text) and bad GetMetricData queries: observed
 * as query code ValidationError; newer CloudWatch models name the shape ValidationException.
 */
export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationException', message, { queryCode: 'ValidationError' });
}

export function invalidNextToken(): ServiceError {
  return new ServiceError('InvalidNextToken', 'The service couldn\'t process the token.', { queryCode: 'InvalidNextToken' });
}

/** The 500 every unexpected failure becomes; the cause stays in the server log. */
export function internalServiceFault(): ServiceError {
  return new ServiceError('InternalServiceFault', 'Internal service error.', { fault: 'server', httpStatus: 500, queryCode: 'InternalServiceError' });
}

/** "The parameter X is required." (MissingParameter wording of AWS's query services) */
export const parameterRequired = (parameter: string): ServiceError => missingParameter(`The parameter ${parameter} is required.`);

/** observed: "The value NaN for parameter MetricData.member.1.Value is invalid." */
export const invalidValue = (valueText: string, parameter: string): ServiceError =>
  invalidParameterValue(`The value ${valueText} for parameter ${parameter} is invalid.`);

/** observed wording for PutMetricData's Value/StatisticValues pair */
export const mutuallyExclusive = (first: string, second: string): ServiceError =>
  invalidParameterCombination(`The parameters ${first} and ${second} are mutually exclusive and you have specified both.`);

/** A metric math, SEARCH or Metrics Insights problem in one query fails the whole GetMetricData call. */
export const expressionError = (id: string, error: { readonly message: string }): ServiceError =>
  validationError(`Error in expression ${id}: ${error.message}`);

/**
 * A tagging ARN that names no resource: 404 with the modeled ResourceType and ResourceId members. The message
 * text is [unconfirmed]; the code, status and members are the model's.
 */
export function resourceNotFoundException(resourceType: string, resourceId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `The specified ${resourceType} ${resourceId} does not exist.`, {
    httpStatus: 404,
    queryCode: 'ResourceNotFoundException',
    members: { ResourceType: resourceType, ResourceId: resourceId },
  });
}
