/**
 * A compact description of an awsQuery service's shapes: just what the wire needs (member names, nesting, scalar
 * kinds), nothing about validation. Written by hand for small services (STS) and meant to be generated from the
 * botocore models for large ones (CloudWatch). Decoded inputs and encoded outputs use the same plain-data form the
 * JSON protocols carry, so one service implementation serves both wires:
 * - `number` / `integer`: JS numbers; `boolean`: JS booleans; `string`: strings;
 * - `timestamp`: epoch seconds as a number (a `Date` or an ISO-8601 string is also accepted on output);
 * - `blob`: base64 text (a `Uint8Array` is also accepted on output).
 */

export type QueryScalarType = 'string' | 'number' | 'integer' | 'boolean' | 'timestamp' | 'blob';

export interface QueryScalarShape {
  readonly type: QueryScalarType;
}

export interface QueryListShape {
  readonly type: 'list';
  readonly member: QueryShapeRef;
  /** Wire name of each item: `Foo.member.N` / `<member>` unless renamed. */
  readonly memberName?: string;
  /** Flattened lists drop the wrapper: `Foo.N` / repeated `<Foo>`. */
  readonly flattened?: boolean;
}

export interface QueryMapShape {
  readonly type: 'map';
  readonly key: QueryShapeRef;
  readonly value: QueryShapeRef;
  /** `Foo.entry.N.key` / `<key>` unless renamed (SNS MessageAttributes uses `Name` / `Value`). */
  readonly keyName?: string;
  readonly valueName?: string;
  readonly flattened?: boolean;
}

export interface QueryStructureShape {
  readonly type: 'structure';
  /** Member name -> shape, in the order the XML output lists them. */
  readonly members: Readonly<Record<string, QueryShapeRef>>;
}

export type QueryShape = QueryScalarShape | QueryListShape | QueryMapShape | QueryStructureShape;

/** A shape given inline, a scalar type name (`'string'`), or the name of an entry in `QueryServiceShapes.shapes`. */
export type QueryShapeRef = QueryShape | string;

export interface QueryOperationShapes {
  /** Omitted: the operation takes no parameters besides Action and Version. */
  readonly input?: QueryShapeRef;
  /** Omitted: the response has no `<OpResult>` element, only `<ResponseMetadata>`. */
  readonly output?: QueryShapeRef;
}

export interface QueryServiceShapes {
  /** The `xmlns` of every response, e.g. `https://sts.amazonaws.com/doc/2011-06-15/`. */
  readonly xmlNamespace: string;
  /** The API version clients send as `Version=`, e.g. `2011-06-15`. */
  readonly version: string;
  readonly operations: Readonly<Record<string, QueryOperationShapes>>;
  /** Named shapes that refs may point to (shared or recursive shapes). */
  readonly shapes?: Readonly<Record<string, QueryShape>>;
  /** Error code (the query code) -> a structure describing the error's extra members inside `<Error>`. */
  readonly errors?: Readonly<Record<string, QueryShapeRef>>;
}
