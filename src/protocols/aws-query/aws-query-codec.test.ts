import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceError } from '../../kernel/index.js';
import type { WireRequest } from '../wire.js';
import { createAwsQueryCodec } from './aws-query-codec.js';
import type { QueryServiceShapes } from './query-shapes.js';
import { toQueryAuthError } from './to-query-auth-error.js';

/** A CloudWatch/SNS-like description exercising every shape kind. */
const demo: QueryServiceShapes = {
  xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
  version: '2010-08-01',
  shapes: {
    Dimension: { type: 'structure', members: { Name: 'string', Value: 'string' } },
    Dimensions: { type: 'list', member: 'Dimension' },
    MetricDatum: {
      type: 'structure',
      members: {
        MetricName: 'string',
        Dimensions: 'Dimensions',
        Timestamp: 'timestamp',
        Value: 'number',
        Values: { type: 'list', member: 'number' },
        StorageResolution: 'integer',
      },
    },
    Attributes: { type: 'map', key: 'string', value: 'string' },
    MessageAttributes: {
      type: 'map',
      key: 'string',
      value: { type: 'structure', members: { DataType: 'string', StringValue: 'string' } },
      keyName: 'Name',
      valueName: 'Value',
    },
  },
  operations: {
    PutMetricData: {
      input: {
        type: 'structure',
        members: {
          Namespace: 'string',
          MetricData: { type: 'list', member: 'MetricDatum' },
          StrictEntityValidation: 'boolean',
          Attributes: 'Attributes',
          MessageAttributes: 'MessageAttributes',
          Flat: { type: 'list', member: 'string', flattened: true },
        },
      },
    },
    GetMetricData: {
      input: { type: 'structure', members: { NextToken: 'string' } },
      output: {
        type: 'structure',
        members: {
          MetricDataResults: {
            type: 'list',
            member: {
              type: 'structure',
              members: { Id: 'string', Timestamps: { type: 'list', member: 'timestamp' }, Values: { type: 'list', member: 'number' } },
            },
          },
          Attributes: 'Attributes',
          Flat: { type: 'list', member: 'string', flattened: true },
          Done: 'boolean',
          Image: 'blob',
          NextToken: 'string',
        },
      },
    },
  },
  errors: {
    InvalidParameterInput: {
      type: 'structure',
      members: { dashboardValidationMessages: { type: 'list', member: { type: 'structure', members: { DataPath: 'string', Message: 'string' } } } },
    },
  },
};
const codec = createAwsQueryCodec(demo);

function formRequest(body: string, rawQuery = '', method = 'POST'): WireRequest {
  return {
    method,
    path: '/',
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from(body),
  };
}

function decodeError(request: WireRequest): ServiceError {
  try {
    codec.decode(request);
  } catch (e) {
    assert.ok(e instanceof ServiceError);
    return e;
  }
  return assert.fail('expected decode to fail');
}

describe('awsQuery decode', () => {
  it('decodes nested structures, lists (in index order), numbers, booleans and timestamps', () => {
    const body =
      'Action=PutMetricData&Version=2010-08-01&Namespace=My+App%2FDemo' +
      '&MetricData.member.2.MetricName=Second&MetricData.member.2.Value=-1.5e3' +
      '&MetricData.member.1.MetricName=First&MetricData.member.1.Value=1' +
      '&MetricData.member.1.Dimensions.member.1.Name=ModelId&MetricData.member.1.Dimensions.member.1.Value=a%3Db' +
      '&MetricData.member.1.Timestamp=2024-01-01T00%3A00%3A01.500Z&MetricData.member.1.StorageResolution=60' +
      '&MetricData.member.1.Values.member.10=3&MetricData.member.1.Values.member.2=2' +
      '&StrictEntityValidation=false&Unknown.member.1=ignored';
    assert.deepEqual(codec.decode(formRequest(body)), {
      operation: 'PutMetricData',
      input: {
        Namespace: 'My App/Demo',
        MetricData: [
          {
            MetricName: 'First',
            Dimensions: [{ Name: 'ModelId', Value: 'a=b' }],
            Timestamp: 1704067201.5,
            Value: 1,
            Values: [2, 3],
            StorageResolution: 60,
          },
          { MetricName: 'Second', Value: -1500 },
        ],
        StrictEntityValidation: false,
      },
    });
  });

  it('decodes maps (default and renamed entry names), flattened lists and empty lists', () => {
    const body =
      'Action=PutMetricData&Attributes.entry.1.key=Policy&Attributes.entry.1.value=%7B%7D' +
      '&Attributes.entry.2.key=__proto__&Attributes.entry.2.value=x' +
      '&MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String' +
      '&MessageAttributes.entry.1.Value.StringValue=blue&Flat.1=a&Flat.2=b&MetricData=';
    const { input } = codec.decode(formRequest(body)) as { input: Record<string, unknown> };
    assert.deepEqual(input['MetricData'], []);
    assert.deepEqual(input['Flat'], ['a', 'b']);
    assert.deepEqual(input['MessageAttributes'], { color: { DataType: 'String', StringValue: 'blue' } });
    const attributes = input['Attributes'] as Record<string, unknown>;
    assert.equal(attributes['Policy'], '{}');
    assert.ok(Object.hasOwn(attributes, '__proto__'));
    assert.equal(Object.getPrototypeOf(attributes), Object.prototype);
  });

  it('reads parameters from the query string of GET requests', () => {
    assert.deepEqual(codec.decode(formRequest('', 'Action=GetMetricData&Version=2010-08-01&NextToken=t%2B1', 'GET')), {
      operation: 'GetMetricData',
      input: { NextToken: 't+1' },
    });
  });

  it('rejects missing and unknown actions, wrong versions and malformed values', () => {
    assert.deepEqual(pick(decodeError(formRequest('Version=2010-08-01'))), ['MissingAction', 400, 'Missing Action']);
    assert.deepEqual(pick(decodeError(formRequest('Action=DeleteAlarms&Version=2010-08-01'))), [
      'InvalidAction',
      400,
      'Could not find operation DeleteAlarms for version 2010-08-01',
    ]);
    assert.equal(decodeError(formRequest('Action=toString')).code, 'InvalidAction');
    assert.equal(decodeError(formRequest('Action=PutMetricData&Version=2011-06-15')).code, 'InvalidAction');
    const bad: ReadonlyArray<readonly [string, RegExp]> = [
      ['MetricData.member.1.Value=abc', /MetricData\.member\.1\.Value: expected a number/],
      ['MetricData.member.1.StorageResolution=1.5', /expected an integer/],
      ['StrictEntityValidation=yes', /expected true or false/],
      ['MetricData.member.1.Timestamp=yesterday', /^MetricData\.member\.1\.Timestamp timestamp must follow ISO8601$/],
    ];
    for (const [param, message] of bad) {
      const error = decodeError(formRequest(`Action=PutMetricData&${param}`));
      assert.equal(error.code, 'MalformedInput');
      assert.match(error.message, message);
    }
  });

  it('keeps NaN and Infinity for the service to judge', () => {
    const { input } = codec.decode(formRequest('Action=PutMetricData&MetricData.member.1.Value=NaN&MetricData.member.2.Value=-Infinity'));
    assert.deepEqual(input, { MetricData: [{ Value: Number.NaN }, { Value: -Infinity }] });
  });
});

function pick(e: ServiceError): [string, number, string] {
  return [e.code, e.httpStatus, e.message];
}

describe('awsQuery encode', () => {
  it('wraps output in <OpResponse><OpResult> with members in shape order, lists as <member>, ISO timestamps', () => {
    const response = codec.encodeOutput(
      { operation: 'GetMetricData', input: {} },
      {
        NextToken: 'n&<1>',
        MetricDataResults: [{ Values: [1.5, 2], Timestamps: [1704067200, new Date(Date.UTC(2024, 0, 1, 0, 1, 0, 250))], Id: 'm1' }],
        Attributes: { a: 'x"y' },
        Flat: ['p', 'q'],
        Done: true,
        Image: new Uint8Array([1, 2, 3]),
        Ignored: 'not in the shape',
      },
      'req-1',
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'text/xml');
    assert.equal(response.headers['x-amzn-RequestId'], 'req-1');
    assert.equal(
      response.body,
      '<GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricDataResult>' +
        '<MetricDataResults><member><Id>m1</Id><Timestamps><member>2024-01-01T00:00:00Z</member>' +
        '<member>2024-01-01T00:01:00.250Z</member></Timestamps><Values><member>1.5</member><member>2</member></Values>' +
        '</member></MetricDataResults><Attributes><entry><key>a</key><value>x&quot;y</value></entry></Attributes>' +
        '<Flat>p</Flat><Flat>q</Flat><Done>true</Done><Image>AQID</Image><NextToken>n&amp;&lt;1&gt;</NextToken>' +
        '</GetMetricDataResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetMetricDataResponse>',
    );
  });

  it('omits the Result element for operations without output', () => {
    const { body } = codec.encodeOutput({ operation: 'PutMetricData', input: {} }, undefined, 'r');
    assert.equal(
      body,
      '<PutMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><ResponseMetadata>' +
        '<RequestId>r</RequestId></ResponseMetadata></PutMetricDataResponse>',
    );
  });

  it('renders errors with the query code, Sender/Receiver, the status and modeled members', () => {
    const notFound = new ServiceError('ResourceNotFoundException', 'No <such> alarm', { httpStatus: 404, queryCode: 'ResourceNotFound' });
    const response = codec.encodeError(notFound, 'e-1');
    assert.equal(response.status, 404);
    assert.equal(
      response.body,
      '<ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type>' +
        '<Code>ResourceNotFound</Code><Message>No &lt;such&gt; alarm</Message></Error><RequestId>e-1</RequestId></ErrorResponse>',
    );
    const fault = codec.encodeError(new ServiceError('InternalServiceFault', 'boom', { fault: 'server' }), 'e-2');
    assert.equal(fault.status, 500);
    assert.match(String(fault.body), /<Type>Receiver<\/Type><Code>InternalServiceFault<\/Code>/);

    const invalid = new ServiceError('DashboardInvalidInputError', 'bad', {
      queryCode: 'InvalidParameterInput',
      members: { dashboardValidationMessages: [{ DataPath: '/widgets/0', Message: 'Should be object' }] },
    });
    assert.match(
      String(codec.encodeError(invalid, 'e-3').body),
      /<Message>bad<\/Message><dashboardValidationMessages><member><DataPath>\/widgets\/0<\/DataPath><Message>Should be object<\/Message><\/member><\/dashboardValidationMessages><\/Error>/,
    );
    const simple = new ServiceError('X', 'm', { members: { resourceName: 'r', nested: { a: 1 } } });
    assert.match(String(codec.encodeError(simple, 'e-4').body), /<Message>m<\/Message><resourceName>r<\/resourceName><\/Error>/);
  });

  it('escapes characters XML cannot carry raw', () => {
    const { body } = codec.encodeOutput({ operation: 'GetMetricData', input: {} }, { NextToken: "a\r\nb\u0001'" }, 'r');
    assert.match(String(body), /<NextToken>a&#xD;\nb\uFFFD&apos;<\/NextToken>/);
  });

  it('rejects descriptions with unknown shape names up front', () => {
    assert.throws(
      () => createAwsQueryCodec({ xmlNamespace: 'x', version: '1', operations: { Op: { input: 'Missing' } } }),
      /unknown shape "Missing"/,
    );
  });
});

describe('toQueryAuthError', () => {
  it('re-spells JSON auth errors with awsQuery codes and statuses', () => {
    const cases: ReadonlyArray<readonly [string, string, number]> = [
      ['MissingAuthenticationTokenException', 'MissingAuthenticationToken', 403],
      ['IncompleteSignatureException', 'IncompleteSignature', 400],
      ['UnrecognizedClientException', 'InvalidClientTokenId', 403],
      ['InvalidSignatureException', 'SignatureDoesNotMatch', 403],
    ];
    for (const [json, query, status] of cases) {
      const mapped = toQueryAuthError(new ServiceError(json, 'text'));
      assert.deepEqual([mapped.code, mapped.queryCode, mapped.httpStatus, mapped.message], [query, query, status, 'text']);
    }
    const other = new ServiceError('ThrottlingException', 't');
    assert.equal(toQueryAuthError(other), other);
  });
});
