import { isServiceError } from '../../kernel/index.js';
import { modelTimeout, serviceUnavailable, streamFailure } from './upstream-errors.js';

const TIMED_OUT = Symbol('upstream timeout');

/**
 * One upstream call's abort signal: it fires when the caller's signal does or when the backend has been silent for
 * `timeoutMs` (re-armed on every stream chunk, so a long stream that keeps producing is never cut). It also turns
 * whatever fetch threw into Bedrock's error, since only it knows whether the abort was a timeout or the caller.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly onCallerAbort = (): void => this.controller.abort(this.caller.reason);

  constructor(
    private readonly caller: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    if (caller.aborted) this.controller.abort(caller.reason);
    else caller.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the silence timer. */
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(TIMED_OUT), this.timeoutMs);
    this.timer.unref();
  }

  /** Stops the silence timer while the caller, not the backend, is the one we wait for (a stream's consumer). */
  disarm(): void {
    clearTimeout(this.timer);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.caller.removeEventListener('abort', this.onCallerAbort);
  }

  /**
   * What to throw for an error raised while talking to the backend. A caller abort rethrows the caller's own reason
   * (as fetch does), so the gateway that aborted recognises it; `midStream` marks a broken stream.
   */
  failure(error: unknown, midStream = false): unknown {
    if (this.controller.signal.aborted) {
      return this.controller.signal.reason === TIMED_OUT ? modelTimeout() : this.caller.reason;
    }
    if (isServiceError(error)) return error;
    const code = networkCode(error);
    if (midStream) return streamFailure(`The connection to the model backend was lost (${code ?? describe(error)}).`);
    // Refused, reset, DNS failure, socket closed before the answer: the backend is not there right now.
    return serviceUnavailable(code);
  }
}

/** undici wraps socket errors: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function networkCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 4; depth++) {
    if (typeof current !== 'object' || current === null) return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
