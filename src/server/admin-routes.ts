import type { WireRequest, WireResponse } from '../protocols/index.js';
import { isPrometheusScrape, type PrometheusExposition } from './prometheus/index.js';

/** ModelWatch's own endpoints under `/_modelwatch/`, and the Prometheus scrape, outside every AWS protocol. */
export interface AdminOptions {
  readonly version: string;
  readonly allowReset: boolean;
  readonly reset: () => Promise<void>;
  /** Serves `GET /metrics` (unsigned requests only) when given. */
  readonly prometheus?: PrometheusExposition;
}

export const ADMIN_PREFIX = '/_modelwatch/';

/** Whether ModelWatch answers the request itself rather than through an AWS protocol. */
export function isAdminRequest(request: WireRequest): boolean {
  return request.path.startsWith(ADMIN_PREFIX) || isPrometheusScrape(request);
}

export async function handleAdmin(request: WireRequest, options: AdminOptions): Promise<WireResponse> {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /_modelwatch/health') return json(200, { status: 'ok', version: options.version });
  if (route === 'POST /_modelwatch/reset') {
    if (!options.allowReset) return json(403, { message: 'Reset is disabled; start the server with --allow-reset.' });
    await options.reset();
    return json(200, { status: 'reset' });
  }
  if (options.prometheus !== undefined && isPrometheusScrape(request)) {
    const { contentType, body } = await options.prometheus.render();
    return { status: 200, headers: { 'content-type': contentType }, body };
  }
  return json(404, { message: `No ModelWatch endpoint ${route}.` });
}

function json(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
