import { describeRunnableDocPage } from './doc-page-runner.js';

describeRunnableDocPage({ page: 'docs/invocation-logging.md', minBashBlocks: 7 });
