import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

test('defaults serve loopback port 4580 with data under ./.modelwatch', () => {
  const config = loadConfig([], {});
  assert.ok(config !== 'help');
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 4580);
  assert.equal(config.dataDir, './.modelwatch');
  assert.equal(config.authMode, 'strict');
  assert.equal(config.acceptTestCredentials, true);
  assert.equal(config.allowReset, false);
});

test('flags beat environment variables, which beat the config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mw-config-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ host: '0.0.0.0', port: 1111, dataDir: '/from-file', auth: { mode: 'permissive' } }));
  const config = loadConfig(['--config', file, '--port', '3333'], { MODELWATCH_PORT: '2222', MODELWATCH_DATA_DIR: '/from-env' });
  assert.ok(config !== 'help');
  assert.equal(config.port, 3333);
  assert.equal(config.dataDir, '/from-env');
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.authMode, 'permissive');
  assert.equal(config.acceptTestCredentials, false, 'test credentials only on loopback unless the file says so');
});

test('bad values are ConfigErrors with a clear message', () => {
  assert.throws(() => loadConfig(['--port', 'x'], {}), ConfigError);
  assert.throws(() => loadConfig(['--auth', 'none'], {}), /strict or permissive/);
  assert.throws(() => loadConfig(['--default-account', '12'], {}), /12 digits/);
  assert.throws(() => loadConfig(['--config', '/nonexistent/x.json'], {}), /cannot read config file/);
});

test('liveTail.maxSessions and liveTail.sessionTimeoutMs come from the config file; absent means AWS defaults', () => {
  assert.deepEqual((loadConfig([], {}) as Exclude<ReturnType<typeof loadConfig>, 'help'>).liveTail, {});
  const dir = mkdtempSync(join(tmpdir(), 'mw-config-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ liveTail: { maxSessions: 40, sessionTimeoutMs: 5000 } }));
  const config = loadConfig(['--config', file], {});
  assert.ok(config !== 'help');
  assert.deepEqual(config.liveTail, { maxSessions: 40, sessionTimeoutMs: 5000 });
  writeFileSync(file, JSON.stringify({ liveTail: { maxSessions: 0 } }));
  assert.throws(() => loadConfig(['--config', file], {}), /liveTail\.maxSessions' must be a positive integer/);
});
