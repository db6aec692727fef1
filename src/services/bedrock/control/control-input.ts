import { bedrockOperations, bedrockShapes, type BedrockOperationName } from '../../../models/bedrock/index.js';
import { validateInput } from '../../common/index.js';

/** Validates a Bedrock control-plane request against its input shape; failures are ValidationException. */
export function parseControlInput<T>(operation: BedrockOperationName, input: unknown): T {
  const shapeName = bedrockOperations[operation].input;
  if (shapeName === undefined) throw new Error(`${operation} has no input shape`);
  return validateInput<T>(input, { table: bedrockShapes, shapeName, errorCode: 'ValidationException' });
}
