/**
 * Converse's `additionalModelResponseFieldPaths`: JSON Pointers (RFC 6901) into the backend's raw answer, returned
 * as `additionalModelResponseFields` with each found value at its own path (`/stop_sequence` ->
 * `{"stop_sequence": ...}`). Paths that are absent are left out; none found means undefined. [unconfirmed: the
 * nesting of multi-segment paths]
 */
export function pickResponseFields(body: unknown, paths: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (paths === undefined || paths.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  let found = false;
  for (const path of paths) {
    const segments = pointerSegments(path);
    if (segments === undefined || segments.length === 0) continue;
    const value = resolve(body, segments);
    if (value === undefined) continue;
    found = true;
    let target = out;
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment];
      target = (typeof next === 'object' && next !== null ? next : (target[segment] = {})) as Record<string, unknown>;
    }
    target[segments[segments.length - 1] as string] = value;
  }
  return found ? out : undefined;
}

function pointerSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolve(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
