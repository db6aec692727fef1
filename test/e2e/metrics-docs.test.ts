import { describeRunnableDocPage } from './doc-page-runner.js';

describeRunnableDocPage({ page: 'docs/metrics.md', minBashBlocks: 10 });
