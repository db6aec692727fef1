import { createRequire } from 'node:module';

/** The package version; this file sits two folders below package.json in both src/ and dist/. */
export const MODELWATCH_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
