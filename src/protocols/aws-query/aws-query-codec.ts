import { ServiceError } from '../../kernel/index.js';
import type { DecodedCall, ProtocolCodec, WireRequest, WireResponse } from '../wire.js';
import { decodeQueryValue } from './decode-query-value.js';
import { encodeXmlValue } from './encode-xml-value.js';
import { paramTree } from './form-params.js';
import type { QueryServiceShapes } from './query-shapes.js';
import { checkShapes } from './resolve-shape.js';
import { toQueryAuthError } from './to-query-auth-error.js';
import { element, xmlText } from './xml-text.js';

/**
 * The awsQuery wire (STS, SNS, CloudWatch's legacy form): form-encoded `Action=Op&Version=...&A.B=...` requests,
 * `<OpResponse><OpResult>...</OpResult><ResponseMetadata>` XML responses and `<ErrorResponse>` errors.
 * Everything service-specific comes from `service`; the codec only knows the wire.
 */
export function createAwsQueryCodec(service: QueryServiceShapes): ProtocolCodec {
  checkShapes(service);
  const xmlns = xmlText(service.xmlNamespace);
  return {
    decode(request: WireRequest): DecodedCall {
      // GET requests (and presigned URLs) carry the parameters in the query string; form bodies win on conflict.
      const params = new Map<string, string>(request.query);
      if (request.body.length > 0) for (const [k, v] of new URLSearchParams(request.body.toString('utf8'))) params.set(k, v);
      const action = params.get('Action');
      if (action === undefined || action === '') {
        throw new ServiceError('MissingAction', 'Missing Action', { queryCode: 'MissingAction' });
      }
      const version = params.get('Version');
      const operation = Object.hasOwn(service.operations, action) ? service.operations[action] : undefined;
      if (operation === undefined || (version !== undefined && version !== service.version)) {
        throw new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version ?? service.version}`, {
          queryCode: 'InvalidAction',
        });
      }
      const input = operation.input === undefined ? {} : decodeQueryValue(operation.input, paramTree(params), '', service);
      return { operation: action, input };
    },

    encodeOutput(call: DecodedCall, output: unknown, requestId: string): WireResponse {
      const op = call.operation;
      const shape = service.operations[op]?.output;
      const result = shape === undefined ? '' : element(`${op}Result`, encodeXmlValue(shape, output ?? {}, `${op}Result`, service));
      const metadata = element('ResponseMetadata', element('RequestId', xmlText(requestId)));
      return xmlResponse(200, requestId, `<${op}Response xmlns="${xmlns}">${result}${metadata}</${op}Response>`);
    },

    encodeError(serviceError: ServiceError, requestId: string): WireResponse {
      // Authentication errors arrive spelled for JSON; awsQuery has its own codes and 403s for them.
      const error = toQueryAuthError(serviceError);
      const code = error.queryCode ?? error.code;
      const errorShape = service.errors?.[code];
      const members = errorShape === undefined ? scalarMembers(error.members) : encodeXmlValue(errorShape, error.members, code, service);
      const body =
        `<ErrorResponse xmlns="${xmlns}">` +
        element(
          'Error',
          element('Type', error.fault === 'server' ? 'Receiver' : 'Sender') +
            element('Code', xmlText(code)) +
            element('Message', xmlText(error.message)) +
            members,
        ) +
        element('RequestId', xmlText(requestId)) +
        '</ErrorResponse>';
      return xmlResponse(error.httpStatus, requestId, body);
    },
  };
}

function xmlResponse(status: number, requestId: string, body: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body };
}

/** Without a modeled error shape, only simple members can be written unambiguously. */
function scalarMembers(members: Readonly<Record<string, unknown>>): string {
  let xml = '';
  for (const [name, value] of Object.entries(members)) {
    if (!/^[A-Za-z_][\w.-]*$/.test(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      xml += element(name, xmlText(String(value)));
    }
  }
  return xml;
}
