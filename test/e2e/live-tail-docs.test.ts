import { describeRunnableDocPage } from './doc-page-runner.js';

describeRunnableDocPage({ page: 'docs/live-tail.md', minBashBlocks: 6 });
