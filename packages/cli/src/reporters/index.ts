/** The output formats of `capsule check`, by the name `--format` takes. */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json, jsonWithMetadata } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
export { leftOutMessage, sarifResultLimit } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const reporters = { stylish, json, 'json-with-metadata': jsonWithMetadata, sarif, github, gitlab, junit } as const satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;

export const formatNames = Object.keys(reporters) as FormatName[];

export type { FileResult, Fix, Level, Reporter, ReportInput, RuleInfo } from './types.js';
export { countLevels, fixOf, levelOf, spanOf } from './types.js';
