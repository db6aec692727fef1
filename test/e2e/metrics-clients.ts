import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REGION, TEST_CREDENTIALS } from './harness.js';

/**
 * One CloudWatch call as data, in the API's own member names, so the same call can be sent by every client:
 * timestamps are ISO strings (`{ $date: ... }` marks them), and results come back as plain JSON with timestamps as
 * epoch milliseconds and errors as their query code and message.
 */
export interface Call {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

export type Outcome = { readonly ok: unknown } | { readonly error: { readonly code: string; readonly message: string } };

/** `{ $date: iso }` -> Date for the JS SDK; plain ISO text for the CLI's and boto3's JSON. */
export function revive(value: unknown, asDate: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, asDate));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['$date'] === 'string') return asDate ? new Date(record['$date']) : record['$date'];
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v, asDate)]));
  }
  return value;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A clean environment: test credentials, no config files, one attempt, no pager. */
export function clientEnv(scratch: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '', HOME: scratch,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: REGION, AWS_CONFIG_FILE: join(scratch, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1', AWS_RETRY_MODE: 'standard', AWS_PAGER: '',
  };
}

const kebab = (operation: string): string => operation.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
const CLI_ERROR = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \([^)]*\))?: (.*)$/;

/** Debian's awscli 2.9 (`/usr/bin/aws`), which sends awsQuery to CloudWatch; `--debug` output is returned too. */
export async function viaDebianCli(endpoint: string, env: NodeJS.ProcessEnv, call: Call, debug = false): Promise<Outcome & { debug: string }> {
  const args = ['cloudwatch', kebab(call.operation), '--cli-input-json', JSON.stringify(revive(call.input, false)),
    '--endpoint-url', endpoint, '--output', 'json', '--no-paginate', ...(debug ? ['--debug'] : [])];
  const result = await run('/usr/bin/aws', args, env);
  if (result.status === 0) {
    const ok = result.stdout.trim() === '' ? {} : normalizeTimes(JSON.parse(result.stdout));
    return { ok, debug: result.stderr };
  }
  const match = CLI_ERROR.exec(result.stderr.trim().split('\n').pop() ?? '');
  if (match === null) throw new Error(`aws ${call.operation} failed without an AWS error:\n${result.stderr.slice(-3000)}`);
  return { error: { code: match[1]!, message: match[2]!.trim() }, debug: result.stderr };
}

/** Every value that looks like an ISO timestamp becomes epoch milliseconds, as the other clients' dates do. */
function normalizeTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeTimes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalizeTimes(v)]));
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) return Date.parse(value);
  return value;
}

const BOTO3_DRIVER = `
import boto3, botocore, datetime, json, sys
calls = json.load(sys.stdin)
client = boto3.client('cloudwatch', endpoint_url=sys.argv[1], config=botocore.config.Config(retries={'max_attempts': 1}))
def plain(v):
    if isinstance(v, datetime.datetime): return int(v.timestamp() * 1000)
    if isinstance(v, dict): return {k: plain(x) for k, x in v.items() if k != 'ResponseMetadata'}
    if isinstance(v, list): return [plain(x) for x in v]
    return v
def snake(name): return ''.join('_' + c.lower() if c.isupper() else c for c in name).lstrip('_')
out = []
for call in calls:
    try:
        out.append({'ok': plain(getattr(client, snake(call['operation']))(**call['input']))})
    except botocore.exceptions.ClientError as e:
        out.append({'error': {'code': e.response['Error']['Code'], 'message': e.response['Error'].get('Message', '')}})
print(json.dumps(out))
`;

/** boto3 (botocore 1.43 resolves CloudWatch to awsJson1_0), every call in one Python process. */
export async function viaBoto3(endpoint: string, env: NodeJS.ProcessEnv, calls: readonly Call[]): Promise<Outcome[]> {
  const result = await run('python3', ['-c', BOTO3_DRIVER, endpoint], env, JSON.stringify(calls.map((c) => ({ ...c, input: revive(c.input, false) }))));
  if (result.status !== 0) throw new Error(`boto3 driver failed:\n${result.stderr.slice(-3000)}`);
  return JSON.parse(result.stdout) as Outcome[];
}
