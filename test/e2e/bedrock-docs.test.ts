import { describeRunnableDocPage } from './doc-page-runner.js';

describeRunnableDocPage({ page: 'docs/bedrock-runtime.md', minBashBlocks: 8 });
