import type { InvocationOutcome, InvocationSink } from '../services/bedrock/index.js';

/**
 * The default InvocationSink until invocation logging is wired: keeps the most recent outcomes in memory (bounded),
 * so nothing grows without limit. The logging module's durable sink replaces it.
 */
export class RecentOutcomesSink implements InvocationSink {
  private readonly outcomes: InvocationOutcome[] = [];

  constructor(private readonly capacity = 1000) {}

  record(outcome: InvocationOutcome): void {
    this.outcomes.push(outcome);
    if (this.outcomes.length > this.capacity) this.outcomes.shift();
  }

  recent(): readonly InvocationOutcome[] {
    return this.outcomes;
  }
}
