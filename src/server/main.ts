#!/usr/bin/env node
import { ConfigError, USAGE, loadConfig } from './config.js';
import { StartupError, startServer } from './app.js';
import { MODELWATCH_VERSION } from './version.js';

/** `npm start`: parse the configuration, start the server, and shut down gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (error) {
    fail(error instanceof ConfigError || error instanceof TypeError ? error.message : String(error));
  }
  if (config === 'help') {
    console.log(USAGE);
    return;
  }
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    fail(error instanceof StartupError || (error as { code?: string }).code === 'EADDRINUSE' ? (error as Error).message : error);
  }
  console.log(`ModelWatch ${MODELWATCH_VERSION} listening on ${server.url} (data: ${config.dataDir}, auth: ${config.authMode})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`ModelWatch: ${signal} received, finishing in-flight requests`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('ModelWatch: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function fail(reason: unknown): never {
  console.error(`modelwatch: ${reason instanceof Error ? reason.message : String(reason)}`);
  console.error(USAGE);
  process.exit(2);
}

void main();
