export { ServiceError, isServiceError } from './service-error.js';
export type { ErrorFault, ServiceErrorOptions } from './service-error.js';
export { systemClock, ManualClock } from './clock.js';
export type { Clock } from './clock.js';
export { assertNever } from './assert-never.js';
export type { Caller, RequestContext } from './request-context.js';
export { logGroupArn, logGroupWildcardArn, logStreamArn, parseArn } from './arn.js';
export type { ParsedArn } from './arn.js';
export type { Operation, ServiceDefinition } from './operation.js';
