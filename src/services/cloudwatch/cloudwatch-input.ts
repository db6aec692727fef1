import { cloudWatchOperations, cloudWatchShapes, type CloudWatchOperationName } from '../../models/cloudwatch/index.js';
import { checkShape, validationMessage, type ConstraintViolation } from '../common/index.js';
import { parameterRequired, validationError } from './errors.js';

/**
 * Validates a CloudWatch request against the operation's input shape. A missing required member is AWS's
 * MissingParameter ("The parameter MetricData.member.1.MetricName is required."); every other constraint failure is
 * the Coral ValidationError text, whose paths start each member with a lowercase letter (observed:
 * "Value '30' at 'period' failed to satisfy constraint: Member must have value greater than or equal to 60").
 */
export function parseCloudWatchInput<T>(operation: CloudWatchOperationName, input: unknown): T {
  const shapeName = cloudWatchOperations[operation].input;
  if (shapeName === undefined) throw new Error(`${operation} has no input shape`);
  const { value, violations } = checkShape(cloudWatchShapes, shapeName, input ?? {});
  const missing = violations.find((v) => v.valueText === null);
  if (missing !== undefined) throw parameterRequired(queryPath(missing.path));
  if (violations.length > 0) throw validationError(validationMessage(violations.map(coralPath)));
  return value as T;
}

/** `MetricData.1.member.MetricName` (the validator's path) -> `MetricData.member.1.MetricName` (the query name). */
export function queryPath(path: string): string {
  return path.replace(/\.(\d+)\.member/g, '.member.$1');
}

function coralPath(violation: ConstraintViolation): ConstraintViolation {
  const path = violation.path
    .split('.')
    .map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1))
    .join('.');
  return { ...violation, path };
}
