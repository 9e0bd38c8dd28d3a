/**
 * A cold `capsule check <paths>` parses each document once, also when the paths reach most of
 * a large corpus: given most of it, the check loads the whole corpus straight away instead
 * of first parsing every document for its cross-file keys; given a document most of the
 * corpus refers to, the parses made for the keys are kept for the whole load that follows.
 */
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, project } from './helpers.js';

// Over the 1,000 documents below which a check of part of a corpus always loads only that part.
const documents = 1100;

function corpus(): string {
  const files: Record<string, string> = { 'package.json': '{ "private": true }\n', 'docs/hub.md': documentWith('Hub', [{ name: 'Hub' }]) };
  for (let index = 1; index < documents; index++) {
    files[`docs/d${index}.md`] = `# Document ${index}\n\n### Capsule: Note${index}\n\n**Invariant**\nKeep it small.\n\n**Depth**\n\n- SeeAlso: Hub\n`;
  }
  return project(files);
}

/** Every document count the check's debug lines say it parsed, added up. */
function parsedIn(stderr: string): number {
  return [...stderr.matchAll(/capsule: parsed (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe('a cold check of paths', () => {
  it('given the whole corpus, parses every document once', () => {
    const folder = corpus();
    const { stderr } = capsule(['check', 'docs'], folder, { CAPSULE_DEBUG: '1' });
    expect(stderr).toContain(`capsule: parsed ${documents} of ${documents} documents`);
    expect(parsedIn(stderr)).toBe(documents);
  });

  it('given a document the whole corpus refers to, parses every document once', () => {
    const folder = corpus();
    const { stderr } = capsule(['check', 'docs/hub.md'], folder, { CAPSULE_DEBUG: '1' });
    expect(stderr).toContain(`capsule: parsed ${documents} documents for their cross-file keys`);
    expect(stderr).toContain(`capsule: parsed 0 of ${documents} documents`);
    expect(parsedIn(stderr)).toBe(documents);
  });
});
