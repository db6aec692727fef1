import type { WireRequest, WireResponse } from '../protocols/index.js';

/** ModelWatch's own endpoints under `/_modelwatch/`, outside every AWS protocol. */
export interface AdminOptions {
  readonly version: string;
  readonly allowReset: boolean;
  readonly reset: () => Promise<void>;
}

export const ADMIN_PREFIX = '/_modelwatch/';

export async function handleAdmin(request: WireRequest, options: AdminOptions): Promise<WireResponse> {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /_modelwatch/health') return json(200, { status: 'ok', version: options.version });
  if (route === 'POST /_modelwatch/reset') {
    if (!options.allowReset) return json(403, { message: 'Reset is disabled; start the server with --allow-reset.' });
    await options.reset();
    return json(200, { status: 'reset' });
  }
  return json(404, { message: `No ModelWatch endpoint ${route}.` });
}

function json(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
