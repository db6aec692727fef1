export { createRestJsonCodec } from './rest-json-codec.js';
export type { RestJsonOptions } from './rest-json-codec.js';
export { compileUriTemplate } from './uri-template.js';
export type { UriTemplate } from './uri-template.js';
export { stringifyWithBlobs } from './json-blobs.js';
