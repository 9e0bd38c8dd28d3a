/** The command line of `pnpm bench`, read into settings or refused with the reason and the usage. */
import { parseArgs } from 'node:util';
import { flavours, type Flavour } from './generate.js';

export const usage =
  'usage: pnpm bench [--sizes 1000,10000] [--seed 1] [--flavour plain,varied] [--lsp-edits] [--site-sizes 1000]\n';

export interface BenchOptions {
  sizes: number[];
  siteSizes: Set<number>;
  seed: number;
  flavours: Flavour[];
  lspEdits: boolean;
}

/** What to do: run with these settings, print the usage (`--help`), or stop with this message. */
export type BenchCommand = { run: BenchOptions } | { help: string } | { error: string };

export function readBenchOptions(args: readonly string[]): BenchCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        seed: { type: 'string', default: '1' },
        flavour: { type: 'string', default: flavours.join(',') },
        'lsp-edits': { type: 'boolean', default: false },
        'site-sizes': { type: 'string', default: '1000' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { error: `${(error as Error).message}\n${usage}` };
  }
  if (values.help) return { help: usage };
  const sizes = counts(values.sizes);
  const siteSizes = values['site-sizes'] === '0' ? [] : counts(values['site-sizes']);
  if (sizes === undefined) return { error: `--sizes takes document counts separated by commas, not "${values.sizes}".\n${usage}` };
  if (siteSizes === undefined) {
    return { error: `--site-sizes takes document counts separated by commas (or 0 for none), not "${values['site-sizes']}".\n${usage}` };
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) return { error: `--seed takes a whole number, not "${values.seed}".\n${usage}` };
  const chosen = values.flavour.split(',');
  const unknown = chosen.filter((flavour) => !(flavours as readonly string[]).includes(flavour));
  if (unknown.length > 0) return { error: `Unknown flavour ${unknown.join(', ')}: choose from ${flavours.join(', ')}.\n` };
  return { run: { sizes, siteSizes: new Set(siteSizes), seed, flavours: chosen as Flavour[], lspEdits: values['lsp-edits'] } };
}

/** Positive whole numbers separated by commas, or `undefined` when the text is anything else. */
function counts(text: string): number[] | undefined {
  const numbers = text.split(',').map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : Number.NaN));
  return numbers.every((number) => Number.isSafeInteger(number) && number > 0) ? numbers : undefined;
}
