/** The checker's properties on generated corpora and token soup; `pnpm fuzz` runs the same ones longer. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyTextReadsSoundly, findingsInsideTheirFiles, sameFindingsForAnyLineEnding } from './corpus-properties.js';

describe('generated corpora with random references', () => {
  it('are checked without failing, every finding inside its file', () => {
    fc.assert(findingsInsideTheirFiles, { numRuns: 60 });
  });

  it('get the same findings with CRLF or CR line endings as with LF', () => {
    fc.assert(sameFindingsForAnyLineEnding, { numRuns: 40 });
  });
});

describe('text made of Markdown tokens at random', () => {
  it('is read and checked without failing, every finding inside the file', () => {
    fc.assert(anyTextReadsSoundly, { numRuns: 200 });
  });
});
