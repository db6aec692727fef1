export type { DecodedCall, ProtocolCodec, WireRequest, WireResponse } from './wire.js';
export { createRouter, queryVersionOf } from './router.js';
export type { Route, RouteRule, Router } from './router.js';
export { createAwsJsonCodec } from './aws-json/index.js';
export type { AwsJsonOptions } from './aws-json/index.js';
export { createRpcV2CborCodec } from './rpcv2-cbor/index.js';
export type { RpcV2CborOptions } from './rpcv2-cbor/index.js';
