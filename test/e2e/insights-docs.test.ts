import { describeRunnableDocPage } from './doc-page-runner.js';

describeRunnableDocPage({ page: 'docs/insights.md', minBashBlocks: 5 });
