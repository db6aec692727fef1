import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isServiceError } from '../../kernel/index.js';
import { logsShapes } from '../../models/logs/index.js';
import { checkShape } from './shape-validator.js';
import { validateInput, validationMessage } from './validation-message.js';

function messageFor(shapeName: string, input: unknown): string {
  return validationMessage(checkShape(logsShapes, shapeName, input).violations);
}

function serializationMessage(shapeName: string, input: unknown): string {
  try {
    checkShape(logsShapes, shapeName, input);
  } catch (error) {
    assert.ok(isServiceError(error));
    assert.equal(error.code, 'SerializationException');
    return error.message;
  }
  assert.fail('expected a SerializationException');
}

describe('checkShape', () => {
  it('reports a pattern failure with the model pattern text', () => {
    assert.equal(
      messageFor('CreateLogGroupRequest', { logGroupName: 'bad name!' }),
      "1 validation error detected: Value 'bad name!' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
    );
  });

  it('reports missing required members as null', () => {
    assert.equal(
      messageFor('CreateLogStreamRequest', {}),
      "2 validation errors detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null; Value null at 'logStreamName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports length and pattern for an empty name', () => {
    assert.equal(
      messageFor('DescribeLogGroupsRequest', { logGroupNamePrefix: '' }),
      "2 validation errors detected: Value '' at 'logGroupNamePrefix' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'logGroupNamePrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
    );
  });

  it('reports ranges and enums', () => {
    assert.equal(
      messageFor('GetLogEventsRequest', { logStreamName: 's', limit: 10001 }),
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
    assert.equal(
      messageFor('DescribeLogStreamsRequest', { orderBy: 'Name' }),
      "1 validation error detected: Value 'Name' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]",
    );
  });

  it('uses 1-based member paths inside lists of structures', () => {
    const input = { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 1, message: 'a' }, { timestamp: 2, message: '' }] };
    assert.equal(
      messageFor('PutLogEventsRequest', input),
      "1 validation error detected: Value '' at 'logEvents.2.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('renders structures Java-style when a list is too long', () => {
    const t = { metricName: 'm', metricNamespace: 'n', metricValue: '1' };
    const input = { logGroupName: 'g', filterName: 'f', filterPattern: '', metricTransformations: [t, { ...t, defaultValue: 0 }] };
    assert.equal(
      messageFor('PutMetricFilterRequest', input),
      "1 validation error detected: Value '[MetricTransformation(metricName=m, metricNamespace=n, metricValue=1, defaultValue=null, dimensions=null, unit=null), MetricTransformation(metricName=m, metricNamespace=n, metricValue=1, defaultValue=0.0, dimensions=null, unit=null)]' at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
  });

  it('reports a bad scalar list member once, on the list', () => {
    assert.equal(
      messageFor('UntagResourceRequest', { resourceArn: 'arn', tagKeys: ['ok', ''] }),
      "1 validation error detected: Value '[ok, ]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$]",
    );
  });

  it('reports bad map values on the map', () => {
    assert.equal(
      messageFor('TagLogGroupRequest', { logGroupName: 'g', tags: { k: 'v!' } }),
      "1 validation error detected: Value '{k=v!}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]",
    );
    // Unicode letters and spaces are allowed by the \p{L}/\p{Z} classes.
    assert.deepEqual(checkShape(logsShapes, 'TagLogGroupRequest', { logGroupName: 'g', tags: { 'ключ é': 'значение' } }).violations, []);
  });

  it('drops unknown members and truncates integers', () => {
    const { value } = checkShape(logsShapes, 'DescribeLogGroupsRequest', { limit: 5.7, unknown: 1 });
    assert.deepEqual(value, { limit: 5 });
  });

  it('raises SerializationException for wrong JSON types', () => {
    assert.equal(serializationMessage('DescribeLogGroupsRequest', { limit: '5' }), 'STRING_VALUE can not be converted to an Integer');
    assert.equal(serializationMessage('CreateLogGroupRequest', { logGroupName: 5 }), 'NUMBER_VALUE can not be converted to a String');
    assert.equal(serializationMessage('CreateLogGroupRequest', { logGroupName: { a: 1 } }), 'Start of structure or map found where not expected.');
    assert.equal(serializationMessage('PutLogEventsRequest', { logEvents: 'x' }), 'STRING_VALUE can not be converted to a List');
    assert.equal(serializationMessage('CreateLogGroupRequest', { logGroupName: 'g', deletionProtectionEnabled: 'yes' }), 'STRING_VALUE can not be converted to a Boolean');
  });
});

describe('validateInput', () => {
  it('throws the service error code with the Coral message', () => {
    assert.throws(
      () => validateInput({ logGroupName: '' }, { table: logsShapes, shapeName: 'DeleteLogGroupRequest', errorCode: 'InvalidParameterException' }),
      (error: unknown) => isServiceError(error) && error.code === 'InvalidParameterException' && error.message.startsWith('2 validation errors detected'),
    );
  });

  it('returns the cleaned value when valid', () => {
    const value = validateInput<{ logGroupName: string }>({ logGroupName: 'a/b', x: 1 }, { table: logsShapes, shapeName: 'DeleteLogGroupRequest', errorCode: 'E' });
    assert.deepEqual(value, { logGroupName: 'a/b' });
  });
});
