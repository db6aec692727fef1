import type { ServiceError } from '../kernel/index.js';

/**
 * The `x-amzn-query-error` header value of an awsQueryCompatible service (CloudWatch on JSON or CBOR):
 * `<QueryCode>;Sender|Receiver`, which SDKs use to report the code the older awsQuery protocol returned.
 */
export function queryErrorHeader(error: ServiceError): string {
  return `${error.queryCode ?? error.code};${error.fault === 'client' ? 'Sender' : 'Receiver'}`;
}
