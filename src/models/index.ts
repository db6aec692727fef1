export type {
  BlobShape,
  BooleanShape,
  ListShape,
  MapShape,
  NumberShape,
  OperationShapes,
  ShapeSpec,
  ShapeTable,
  StringShape,
  StructureShape,
  TimestampShape,
} from './shape-table.js';
export type {
  EventStreamUnion,
  RestErrorBinding,
  RestLocation,
  RestMemberBinding,
  RestOperationBinding,
  RestScalarType,
  RestServiceBindings,
  RestShapeBinding,
} from './rest-bindings.js';
