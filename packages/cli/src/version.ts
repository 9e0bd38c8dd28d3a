import { readFileSync } from 'node:fs';

/** The CLI's version, read from its package.json so it never drifts. */
export const version: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
