export { createRestXmlCodec } from './rest-xml-codec.js';
export type { RestXmlOptions } from './rest-xml-codec.js';
export { toS3AuthError } from './s3-auth-errors.js';
export { notImplemented as s3NotImplemented } from './s3-operation-table.js';
