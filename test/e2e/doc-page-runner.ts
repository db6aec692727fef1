import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertSubset } from './aws-assert.js';
import { type DocBlock, runnableBlocks } from './doc-blocks.js';
import { REGION, REPO_ROOT, type RunningServer, startServer, TEST_CREDENTIALS } from './harness.js';

const BLOCK_TIMEOUT_MS = 60_000;

/**
 * A docs page is run, not just read: every ```bash block goes through a real shell and the real `aws` CLI against a
 * fresh server, in page order, with HOME in a scratch folder (so no local CLI configuration can change what is
 * sent), and its output is compared with the page's `output` blocks. The page's one ```js example runs under node
 * from the repository root, so it resolves the same @aws-sdk packages the project installs.
 */
export function describeRunnableDocPage(options: { readonly page: string; readonly minBashBlocks: number }): void {
  const page = options.page;
  describe(`${page} runs as written`, { timeout: 300_000 }, () => {
    let server: RunningServer | undefined;
    let scratch = '';
    let blocks: DocBlock[] = [];

    before(async () => {
      blocks = runnableBlocks(await readFile(join(REPO_ROOT, page), 'utf8'));
      scratch = await mkdtemp(join(tmpdir(), 'modelwatch-docs-'));
      server = await startServer();
    }, { timeout: 60_000 });
    after(async () => {
      await server?.stop();
      if (scratch !== '') await rm(scratch, { recursive: true, force: true });
    }, { timeout: 60_000 });

    function run(block: DocBlock, command: string, args: string[], cwd: string): void {
      assert.ok(server);
      const result = spawnSync(command, args, { cwd, env: environment(scratch, server.endpoint), encoding: 'utf8', timeout: BLOCK_TIMEOUT_MS });
      const where = `${page} line ${block.line}`;
      assert.equal(result.error, undefined, `${where}: ${String(result.error)}`);
      assert.equal(result.status, 0, `${where} failed (exit ${result.status}):\n${block.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
      checkOutput(where, block, result.stdout, result.stderr);
    }

    test('the aws CLI is installed', () => {
      const version = spawnSync('aws', ['--version'], { encoding: 'utf8' });
      assert.ok(version.error === undefined && version.status === 0,
        'the `aws` CLI is not on PATH; this test drives the documented commands through it. Install it (pip install awscli) and re-run.');
    });

    test('every bash block succeeds, in order, with the documented output', { timeout: 240_000 }, () => {
      const bash = blocks.filter((b) => b.language === 'bash');
      assert.ok(bash.length >= options.minBashBlocks, `expected the page's walkthrough, found ${bash.length} bash blocks`);
      for (const block of bash) run(block, 'bash', ['-c', `set -euo pipefail\n${block.code}`], scratch);
    });

    test('the JS SDK example runs and prints what the page says', { timeout: 60_000 }, () => {
      const js = blocks.filter((b) => b.language === 'js');
      assert.equal(js.length, 1, 'the page has one JS example');
      const [block] = js;
      assert.ok(block?.expected, 'the JS example is followed by its output');
      run(block, process.execPath, ['--input-type=module', '--eval', block.code], REPO_ROOT);
    });
  });
}

/** The user's environment minus anything AWS-related, plus what the page tells the reader to set. */
function environment(scratch: string, endpoint: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  return {
    ...env,
    HOME: scratch,
    MODELWATCH_ENDPOINT: endpoint,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: join(scratch, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
}

function checkOutput(where: string, block: DocBlock, stdout: string, stderr: string): void {
  if (block.expected?.kind === 'json') {
    let actual: unknown;
    assert.doesNotThrow(() => { actual = JSON.parse(stdout); }, `${where}: output is not JSON:\n${stdout}\n${stderr}`);
    assertSubset(actual, JSON.parse(block.expected.text), '$');
  } else if (block.expected?.kind === 'text') {
    const printed = `${stdout}\n${stderr}`;
    for (const line of block.expected.text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
      assert.ok(printed.includes(line), `${where}: expected output to contain\n  ${line}\nbut it was:\n${printed}`);
    }
  }
}
