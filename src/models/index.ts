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
