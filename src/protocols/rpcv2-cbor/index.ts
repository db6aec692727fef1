export { createRpcV2CborCodec } from './rpcv2-cbor-codec.js';
export type { RpcV2CborOptions } from './rpcv2-cbor-codec.js';
export { queryErrorHeader } from '../query-error-header.js';
