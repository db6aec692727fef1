import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from './config-error.js';
import { parseModelConfig, type ModelConfig } from './model-config.js';

export { ConfigError };

/**
 * Server configuration, parsed once at start-up from (lowest to highest precedence) defaults, a JSON config file,
 * `MODELWATCH_*` environment variables and command-line flags, then passed down. Nothing else reads `process.env`.
 */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly authMode: 'strict' | 'permissive';
  readonly defaultAccount: string;
  /** `test`/`test` -> 000000000000; by default only while listening on loopback. */
  readonly acceptTestCredentials: boolean;
  /** Permissive auth on a non-loopback address must be asked for explicitly in the config file. */
  readonly allowPermissiveOnNonLoopback: boolean;
  /** The `auth.accessKeys` section of the config file, validated by the auth module. */
  readonly accessKeys: unknown;
  /** The `auth.bearerTokens` section (Bedrock API keys), validated by the auth module. */
  readonly bearerTokens: unknown;
  readonly allowReset: boolean;
  readonly storageMemoryLimit: string;
  /** How often expired log events are purged. */
  readonly retentionSweepMs: number;
  /**
   * Tuning of Bedrock invocation-log delivery from the file's `invocationLogging` section (S3 batch size and age,
   * tick); unset keys keep the logger's defaults.
   */
  readonly invocationLogging: Readonly<Record<string, number>>;
  /** The environment the config was loaded with, where provider secrets written `{"env": "NAME"}` are read. */
  readonly secretsEnv: Readonly<Record<string, string | undefined>>;
  /** The Bedrock gateway's `providers` and `models` sections. */
  readonly models: ModelConfig;
  /** Config file `liveTail.maxSessions` / `liveTail.sessionTimeoutMs`; absent means AWS's defaults. */
  readonly liveTail: { readonly maxSessions?: number; readonly sessionTimeoutMs?: number };
}

const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  config: { type: 'string' },
  auth: { type: 'string' },
  'default-account': { type: 'string' },
  'allow-reset': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export const USAGE = `Usage: modelwatch [--host 127.0.0.1] [--port 4580] [--data-dir ./.modelwatch] [--config FILE]
                  [--auth strict|permissive] [--default-account 000000000000] [--allow-reset]
Each flag can also come from MODELWATCH_HOST, MODELWATCH_PORT, MODELWATCH_DATA_DIR, MODELWATCH_CONFIG,
MODELWATCH_AUTH, MODELWATCH_DEFAULT_ACCOUNT, MODELWATCH_ALLOW_RESET, or from the config file; flags win.`;

export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerConfig | 'help' {
  const { values: flags } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  if (flags.help === true) return 'help';
  const configPath = flags.config ?? env.MODELWATCH_CONFIG;
  const file = configPath === undefined ? {} : readConfigFile(configPath);
  const fileAuth = objectAt(file, 'auth');
  const pick = (flag: string | undefined, envName: string, fromFile: unknown): string | undefined =>
    flag ?? env[envName] ?? (fromFile === undefined ? undefined : String(fromFile));

  const host = pick(flags.host, 'MODELWATCH_HOST', file.host) ?? '127.0.0.1';
  const port = parsePort(pick(flags.port, 'MODELWATCH_PORT', file.port) ?? '4580');
  const authMode = pick(flags.auth, 'MODELWATCH_AUTH', fileAuth.mode) ?? 'strict';
  if (authMode !== 'strict' && authMode !== 'permissive') throw new ConfigError(`--auth must be strict or permissive, not '${authMode}'`);
  const defaultAccount = pick(flags['default-account'], 'MODELWATCH_DEFAULT_ACCOUNT', fileAuth.defaultAccount) ?? '000000000000';
  if (!/^\d{12}$/.test(defaultAccount)) throw new ConfigError(`--default-account must be 12 digits, not '${defaultAccount}'`);
  const allowReset = flags['allow-reset'] ?? parseBoolean(env.MODELWATCH_ALLOW_RESET) ?? file.allowReset === true;
  const storage = objectAt(file, 'storage');

  return {
    host,
    port,
    dataDir: pick(flags['data-dir'], 'MODELWATCH_DATA_DIR', file.dataDir) ?? './.modelwatch',
    authMode,
    defaultAccount,
    acceptTestCredentials: typeof fileAuth.acceptTestCredentials === 'boolean' ? fileAuth.acceptTestCredentials : isLoopback(host),
    allowPermissiveOnNonLoopback: fileAuth.allowPermissiveOnNonLoopback === true,
    accessKeys: fileAuth.accessKeys ?? {},
    bearerTokens: fileAuth.bearerTokens,
    allowReset,
    storageMemoryLimit: typeof storage.memoryLimit === 'string' ? storage.memoryLimit : '48MB',
    retentionSweepMs: typeof file.retentionSweepMs === 'number' ? file.retentionSweepMs : 60_000,
    secretsEnv: env,
    invocationLogging: numbersOf(objectAt(file, 'invocationLogging'), ['s3BatchMaxBytes', 's3BatchMaxAgeMs', 'tickMs', 'maxQueue'], 'invocationLogging'),
    models: parseModelConfig(file),
    liveTail: liveTailConfig(objectAt(file, 'liveTail')),
  };
}

function liveTailConfig(section: Record<string, unknown>): ServerConfig['liveTail'] {
  const positive = (key: string): number | undefined => {
    const value = section[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new ConfigError(`config 'liveTail.${key}' must be a positive integer`);
    return value;
  };
  const maxSessions = positive('maxSessions');
  const sessionTimeoutMs = positive('sessionTimeoutMs');
  return { ...(maxSessions === undefined ? {} : { maxSessions }), ...(sessionTimeoutMs === undefined ? {} : { sessionTimeoutMs }) };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new ConfigError(`cannot read config file ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`config file ${path} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

function objectAt(source: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = source[key];
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config '${key}' must be an object`);
  return value as Record<string, unknown>;
}

function numbersOf(section: Record<string, unknown>, keys: readonly string[], name: string): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const [key, value] of Object.entries(section)) {
    if (!keys.includes(key)) throw new ConfigError(`config '${name}.${key}' is not one of ${keys.join(', ')}`);
    if (typeof value !== 'number' || !(value > 0)) throw new ConfigError(`config '${name}.${key}' must be a positive number`);
    numbers[key] = value;
  }
  return numbers;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port must be 0-65535, not '${text}'`);
  return port;
}

function parseBoolean(text: string | undefined): boolean | undefined {
  if (text === undefined || text === '') return undefined;
  return text === '1' || text.toLowerCase() === 'true';
}
