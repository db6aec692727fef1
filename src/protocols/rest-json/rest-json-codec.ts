import { ServiceError } from '../../kernel/index.js';
import type { RestServiceBindings, ShapeTable } from '../../models/index.js';
import type { ProtocolCodec, WireResponse } from '../wire.js';
import { decodeRestRequest } from './decode-rest-request.js';
import { encodeRestResponse } from './encode-rest-response.js';
import { compileUriTemplate, type UriTemplate } from './uri-template.js';

export interface RestJsonOptions {
  /** The service's generated HTTP bindings (src/models/<service>/<service>-rest-bindings.ts). */
  readonly bindings: RestServiceBindings;
  /** The input shape table, for the JSON body's blob members. */
  readonly shapes: ShapeTable;
  /** Pad event-stream payloads with a `"p"` key as Bedrock does. */
  readonly padEvents?: boolean;
}

/**
 * restJson1: the operation is chosen by method and URI template (most specific first), its input gathered from the
 * path, query, headers and body along the model's bindings; errors carry the model's HTTP status, the
 * `x-amzn-ErrorType` header and a `{"message": ...}` body.
 */
export function createRestJsonCodec(options: RestJsonOptions): ProtocolCodec {
  const { bindings } = options;
  const routes: { readonly name: string; readonly method: string; readonly template: UriTemplate }[] = Object.entries(bindings.operations)
    .map(([name, op]) => ({ name, method: op.method, template: compileUriTemplate(op.uri) }))
    .sort((a, b) => b.template.specificity - a.template.specificity);

  return {
    decode(request) {
      let pathMatched = false;
      for (const route of routes) {
        const labels = route.template.match(request.path, request.query);
        if (labels === undefined) continue;
        pathMatched = true;
        if (route.method !== request.method) continue;
        const binding = bindings.operations[route.name];
        return { operation: route.name, input: decodeRestRequest({ request, binding: binding?.input, labels, shapes: options.shapes }) };
      }
      // [unconfirmed] AWS's REST front door answers an unknown path/method with a 404/405 UnknownOperationException.
      const status = pathMatched ? 405 : 404;
      throw new ServiceError('UnknownOperationException', `No operation matches ${request.method} ${request.path}.`, { httpStatus: status });
    },
    encodeOutput(call, output, requestId) {
      const operation = bindings.operations[call.operation];
      if (operation === undefined) throw new Error(`no bindings for ${call.operation}`);
      return encodeRestResponse({ bindings, operation, output, requestId, pad: options.padEvents === true });
    },
    encodeError(error, requestId): WireResponse {
      const modeled = bindings.errors[error.code];
      return {
        status: modeled?.httpStatus ?? error.httpStatus,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message: error.message, ...error.members }),
      };
    },
  };
}
