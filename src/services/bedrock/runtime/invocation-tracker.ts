import { isServiceError, type RequestContext } from '../../../kernel/index.js';
import type { TokenUsage } from '../../../providers/converse-types.js';
import type { InvocationBody, InvocationOutcome, InvocationSink, InvocationUsage, RuntimeOperation } from '../invocation-outcome.js';

/**
 * Collects what one runtime call did and hands exactly one InvocationOutcome to the sink: on success, on any
 * failure (validation, unknown model, throttling, backend error, a failure mid-stream) and when a streaming client
 * goes away. The sink is never awaited.
 */
export class InvocationTracker {
  modelId = '';
  requestMetadata: Readonly<Record<string, string>> | undefined;
  input: InvocationBody | undefined;
  output: InvocationBody | undefined;
  usage: InvocationUsage | undefined;
  timeToFirstTokenMs: number | undefined;
  outputImageCount: number | undefined;
  readonly startedAt: number;
  private recorded = false;

  constructor(
    private readonly sink: InvocationSink,
    private readonly ctx: RequestContext,
    readonly operation: RuntimeOperation,
  ) {
    this.startedAt = ctx.clock.now();
  }

  /** True once the client has gone away (its request signal aborted). */
  callerGone(): boolean {
    return this.ctx.signal?.aborted === true;
  }

  elapsedMs(): number {
    return Math.max(0, this.ctx.clock.now() - this.startedAt);
  }

  /** Marks the first content of a stream (TimeToFirstToken); later calls keep the first value. */
  firstToken(): void {
    this.timeToFirstTokenMs ??= this.elapsedMs();
  }

  setUsage(usage: TokenUsage | undefined): void {
    if (usage === undefined) return;
    const { inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens } = usage;
    this.usage = {
      inputTokens,
      outputTokens,
      ...(cacheReadInputTokens === undefined ? {} : { cacheReadInputTokens }),
      ...(cacheWriteInputTokens === undefined ? {} : { cacheWriteInputTokens }),
    };
  }

  succeed(): void {
    this.record(undefined, false);
  }

  /** `error` is what the caller receives (or received in-stream). */
  fail(error: unknown, options: { readonly throttled?: boolean } = {}): void {
    const failure = isServiceError(error)
      ? { code: error.code, httpStatus: error.httpStatus, fault: error.fault }
      : { code: 'InternalServerException', httpStatus: 500, fault: 'server' as const };
    this.record(failure, options.throttled === true);
  }

  private record(error: InvocationOutcome['error'], throttled: boolean): void {
    if (this.recorded) return;
    this.recorded = true;
    const outcome: InvocationOutcome = {
      operation: this.operation,
      caller: this.ctx.caller,
      requestId: this.ctx.requestId,
      modelId: this.modelId,
      startedAt: this.startedAt,
      latencyMs: this.elapsedMs(),
      input: this.input ?? { contentType: 'application/json', modalities: ['text'] },
      ...(this.timeToFirstTokenMs === undefined ? {} : { timeToFirstTokenMs: this.timeToFirstTokenMs }),
      ...(this.requestMetadata === undefined ? {} : { requestMetadata: this.requestMetadata }),
      ...(this.output === undefined ? {} : { output: this.output }),
      ...(this.usage === undefined ? {} : { usage: this.usage }),
      ...(this.outputImageCount === undefined ? {} : { outputImageCount: this.outputImageCount }),
      ...(error === undefined ? {} : { error }),
      ...(throttled ? { throttled: true } : {}),
    };
    this.sink.record(outcome);
  }
}
