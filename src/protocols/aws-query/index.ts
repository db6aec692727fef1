export { createAwsQueryCodec } from './aws-query-codec.js';
export { toQueryAuthError } from './to-query-auth-error.js';
export type {
  QueryListShape,
  QueryMapShape,
  QueryOperationShapes,
  QueryScalarShape,
  QueryScalarType,
  QueryServiceShapes,
  QueryShape,
  QueryShapeRef,
  QueryStructureShape,
} from './query-shapes.js';
