/**
 * The constraint data a service keeps about its input shapes, generated from the AWS API models
 * (see scripts/generate-models.ts). Shapes refer to each other by name, as in the models, so the table stays small
 * and recursive shapes need no special care.
 */

export interface StringShape {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  /** The pattern as the model writes it (Java regex syntax); a value must match it as a whole. */
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface NumberShape {
  readonly type: 'integer' | 'long' | 'float' | 'double';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanShape {
  readonly type: 'boolean';
}

/** A point in time; awsJson carries it as epoch seconds. */
export interface TimestampShape {
  readonly type: 'timestamp';
}

export interface BlobShape {
  readonly type: 'blob';
}

/** A Smithy document: any JSON value, passed through unchecked. */
export interface DocumentShape {
  readonly type: 'document';
}

export interface ListShape {
  readonly type: 'list';
  readonly member: string;
  readonly min?: number;
  readonly max?: number;
}

export interface MapShape {
  readonly type: 'map';
  readonly key: string;
  readonly value: string;
  readonly min?: number;
  readonly max?: number;
}

export interface StructureShape {
  readonly type: 'structure';
  /** Member name -> shape name, in model order (the order AWS reports validation errors in). */
  readonly members: Readonly<Record<string, string>>;
  readonly required?: readonly string[];
}

export type ShapeSpec =
  | StringShape
  | NumberShape
  | BooleanShape
  | TimestampShape
  | BlobShape
  | DocumentShape
  | ListShape
  | MapShape
  | StructureShape;

export type ShapeTable = Readonly<Record<string, ShapeSpec>>;

/** An operation's input and output shape names. */
export interface OperationShapes {
  readonly input?: string;
  readonly output?: string;
}
