import { ServiceError } from '../../kernel/index.js';

/** How the built-in simulator behaves; every knob comes from the provider's section of the config file. */
export interface SimulatorOptions {
  /** Mixed into every generated text, vector and image, and seeds the error/throttle rolls. */
  readonly seed: number;
  /** Delay before the first event. */
  readonly timeToFirstTokenMs: number;
  /** Generation speed; 0 means no delay between tokens. */
  readonly tokensPerSecond: number;
  /** Output length in tokens (words), before `maxTokens` cuts it. */
  readonly outputTokens: number;
  /** Share of calls that fail with ModelErrorException (in a stream: modelStreamErrorException), 0..1. */
  readonly errorRate: number;
  /** Share of calls that fail with ThrottlingException, 0..1. */
  readonly throttleRate: number;
}

export const DEFAULT_SIMULATOR_OPTIONS: SimulatorOptions = {
  seed: 42,
  timeToFirstTokenMs: 100,
  tokensPerSecond: 200,
  outputTokens: 40,
  errorRate: 0,
  throttleRate: 0,
};

/** Thrown for a bad simulator section; the server turns it into a ConfigError naming the provider. */
export class SimulatorOptionsError extends Error {}

export function parseSimulatorOptions(raw: Readonly<Record<string, unknown>>): SimulatorOptions {
  const known = new Set(['kind', ...Object.keys(DEFAULT_SIMULATOR_OPTIONS)]);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw new SimulatorOptionsError(`unknown simulator option '${key}'`);
  const num = (key: keyof SimulatorOptions, min: number, max: number): number => {
    const value = raw[key] ?? DEFAULT_SIMULATOR_OPTIONS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw new SimulatorOptionsError(`simulator option '${key}' must be a number from ${min} to ${max}`);
    }
    return value;
  };
  return {
    seed: Math.trunc(num('seed', 0, 2 ** 32 - 1)),
    timeToFirstTokenMs: num('timeToFirstTokenMs', 0, 600_000),
    tokensPerSecond: num('tokensPerSecond', 0, 1_000_000),
    outputTokens: Math.trunc(num('outputTokens', 1, 100_000)),
    errorRate: num('errorRate', 0, 1),
    throttleRate: num('throttleRate', 0, 1),
  };
}

/** Waits, and gives up early when the call is aborted; injected so tests never wait. */
export type Sleeper = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleeper: Sleeper = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    if (signal.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

function aborted(): ServiceError {
  return new ServiceError('ModelTimeoutException', 'The request was cancelled.', { httpStatus: 408 });
}
