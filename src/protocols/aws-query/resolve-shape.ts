import type { QueryScalarType, QueryServiceShapes, QueryShape, QueryShapeRef } from './query-shapes.js';

const SCALARS: ReadonlySet<string> = new Set<QueryScalarType>(['string', 'number', 'integer', 'boolean', 'timestamp', 'blob']);
const scalarShapes = new Map<string, QueryShape>([...SCALARS].map((t) => [t, { type: t as QueryScalarType }]));

/** Turns a ref into its shape. Scalar type names win over named shapes, so `shapes` cannot redefine `string`. */
export function resolveShape(ref: QueryShapeRef, service: QueryServiceShapes): QueryShape {
  if (typeof ref !== 'string') return ref;
  const shape = scalarShapes.get(ref) ?? service.shapes?.[ref];
  if (shape === undefined) throw new Error(`awsQuery shapes: unknown shape "${ref}"`);
  return shape;
}

/** Checks every ref once, so a broken (e.g. generated) description fails at startup rather than mid-request. */
export function checkShapes(service: QueryServiceShapes): void {
  const seen = new Set<QueryShape>();
  const visit = (ref: QueryShapeRef): void => {
    const shape = resolveShape(ref, service);
    if (seen.has(shape)) return;
    seen.add(shape);
    switch (shape.type) {
      case 'list':
        return visit(shape.member);
      case 'map':
        visit(shape.key);
        return visit(shape.value);
      case 'structure':
        return Object.values(shape.members).forEach(visit);
      default:
        return;
    }
  };
  for (const op of Object.values(service.operations)) {
    if (op.input !== undefined) visit(op.input);
    if (op.output !== undefined) visit(op.output);
  }
  Object.values(service.errors ?? {}).forEach(visit);
}
