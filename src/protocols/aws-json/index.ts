export { createAwsJsonCodec } from './aws-json-codec.js';
export type { AwsJsonOptions } from './aws-json-codec.js';
