/** `pnpm bench`'s command line: settings read, or refused with the reason and the usage, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { readBenchOptions, usage } from '../../bench/src/options.js';

describe('readBenchOptions', () => {
  it('reads the defaults', () => {
    expect(readBenchOptions([])).toEqual({
      run: { sizes: [1000, 10_000], siteSizes: new Set([1000]), seed: 1, flavours: ['plain', 'varied'], lspEdits: false },
    });
  });

  it('reads every setting', () => {
    const command = readBenchOptions(['--sizes', '200,3000', '--seed', '7', '--flavour', 'varied', '--lsp-edits', '--site-sizes', '3000']);
    expect(command).toEqual({ run: { sizes: [200, 3000], siteSizes: new Set([3000]), seed: 7, flavours: ['varied'], lspEdits: true } });
  });

  it('takes --site-sizes 0 as no site build', () => {
    expect(readBenchOptions(['--site-sizes', '0'])).toMatchObject({ run: { siteSizes: new Set() } });
  });

  it('answers --help with the usage', () => {
    expect(readBenchOptions(['--help'])).toEqual({ help: usage });
    expect(readBenchOptions(['-h'])).toEqual({ help: usage });
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--sizes', '10x'], /--sizes takes document counts separated by commas, not "10x"/],
    [['--sizes', '0'], /--sizes takes document counts/],
    [['--site-sizes', '1000,,2'], /--site-sizes takes document counts/],
    [['--seed', 'one'], /--seed takes a whole number, not "one"/],
    [['--flavour', 'plain,odd'], /Unknown flavour odd: choose from plain, varied/],
  ])('refuses %j with the reason', (args, reason) => {
    const command = readBenchOptions(args);
    expect(command).toHaveProperty('error');
    expect((command as { error: string }).error).toMatch(reason);
  });

  it('shows the usage after an option it does not know', () => {
    expect((readBenchOptions(['--nope']) as { error: string }).error.endsWith(usage)).toBe(true);
  });
});
