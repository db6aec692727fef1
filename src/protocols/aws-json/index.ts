export { createAwsJsonCodec } from './aws-json-codec.js';
export type { AwsJsonOptions, BodyReader } from './aws-json-codec.js';
