import type { LogQueryEngine } from '../../storage/index.js';

/** For unit tests of the other Logs operations: Logs Insights runs in a real store (test/e2e/insights*.test.ts). */
export const noQueryEngine: LogQueryEngine = {
  run: () => Promise.reject(new Error('Logs Insights needs a real store: see test/e2e/insights.test.ts')),
  record: () => Promise.resolve(undefined),
};
