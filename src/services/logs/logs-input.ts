import { logsOperations, logsShapes, type LogsOperationName } from '../../models/logs/index.js';
import { checkShape, validationMessage, type ConstraintViolation } from '../common/index.js';
import { invalidParameter, nameTooLong } from './errors.js';

const NAME_MEMBERS = new Set(['logGroupName', 'logStreamName']);

/**
 * Validates a Logs request against the operation's input shape. AWS reports constraint failures as
 * InvalidParameterException with the Coral text, except an over-long log group or stream name, which gets a text of
 * its own (observed on CreateLogGroup and DeleteMetricFilter).
 */
export function parseLogsInput<T>(operation: LogsOperationName, input: unknown): T {
  const shapeName = logsOperations[operation].input;
  if (shapeName === undefined) throw new Error(`${operation} has no input shape`);
  const { value, violations } = checkShape(logsShapes, shapeName, input ?? {});
  const others = violations.filter((v) => !isNameTooLong(v));
  if (others.length > 0) throw invalidParameter(validationMessage(others));
  if (others.length < violations.length) throw nameTooLong();
  return value as T;
}

function isNameTooLong(violation: ConstraintViolation): boolean {
  return NAME_MEMBERS.has(violation.path) && violation.constraint.startsWith('Member must have length less than or equal to');
}
