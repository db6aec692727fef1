import type { ProtocolCodec, WireRequest } from './wire.js';

/**
 * Decides which service and wire protocol a request belongs to, in the order of spec 0.2: the `X-Amz-Target` prefix
 * first, then a CBOR operation path, then the awsQuery `Version` of a form request, then REST path prefixes scoped by
 * the SigV4 signing name. A service claimed wholly by its signing name (S3) is decided right after `X-Amz-Target`:
 * its paths are bucket names, so no path rule (e.g. a bearer-token `/model/` rule without a signing name) may take
 * an S3-signed request for a bucket called `model`. The router knows nothing about services: a route carries an
 * opaque `target` the server wires up.
 */
export type RouteRule =
  | { readonly kind: 'json-target'; readonly targetPrefix: string }
  | { readonly kind: 'path-prefix'; readonly pathPrefix: string; readonly signingName?: string }
  | { readonly kind: 'query-version'; readonly version: string; readonly signingName?: string }
  /**
   * Every request whose credential scope (Authorization header or presigned `X-Amz-Credential`) names this service,
   * whatever its path: S3 addresses buckets and keys by any path, and by the Host header in virtual-host style.
   */
  | { readonly kind: 'signing-name'; readonly signingName: string };

export interface Route<Target> {
  readonly rule: RouteRule;
  readonly codec: ProtocolCodec;
  readonly target: Target;
}

export interface Router<Target> {
  /** `signingName` is the service of the request's SigV4 credential scope, if it has one. */
  route(request: WireRequest, signingName: string | undefined): Route<Target> | undefined;
}

export function createRouter<Target>(routes: readonly Route<Target>[]): Router<Target> {
  return {
    route(request, signingName) {
      const target = request.headers['x-amz-target'];
      if (target !== undefined) {
        const prefix = target.slice(0, Math.max(0, target.indexOf('.')));
        return routes.find((r) => r.rule.kind === 'json-target' && r.rule.targetPrefix === prefix);
      }
      const owned = routes.find((r) => r.rule.kind === 'signing-name' && signingName !== undefined && r.rule.signingName === signingName);
      if (owned !== undefined) return owned;
      const version = queryVersionOf(request);
      for (const route of routes) {
        const rule = route.rule;
        if (rule.kind === 'json-target' || rule.kind === 'signing-name') continue;
        if (rule.signingName !== undefined && signingName !== undefined && rule.signingName !== signingName) continue;
        if (rule.kind === 'path-prefix' && request.path.startsWith(rule.pathPrefix)) return route;
        if (rule.kind === 'query-version' && version === rule.version) return route;
      }
      return undefined;
    },
  };
}

/** The awsQuery `Version` parameter, from a form-encoded POST body or the query string. */
export function queryVersionOf(request: WireRequest): string | undefined {
  const fromQuery = request.query.get('Version');
  if (fromQuery !== null) return fromQuery;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (request.method !== 'POST' || mediaType !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams(request.body.toString('utf8')).get('Version') ?? undefined;
}
