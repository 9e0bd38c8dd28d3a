import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

describe('HTML comments in a part', () => {
  const text = [
    '### Capsule: Quiet',
    '',
    '**Invariant**',
    '<!-- a note for editors -->',
    '',
    'Keep the visible rule.',
    '',
    '<!-- capsule-disable-next-line invariant-length -->',
    '',
    '**Example**',
    'An example.',
    '',
  ].join('\n');
  const [capsule] = parseCapsuleDocument(text).model.capsules;

  it('are left out of the text', () => {
    expect(capsule?.invariant?.text).toBe('Keep the visible rule.');
  });

  it('are left out of the content position; the invariant ends with its one paragraph', () => {
    expect(capsule?.invariant?.contentPosition?.start.line).toBe(6);
    expect(capsule?.invariant?.contentPosition?.end.line).toBe(6);
    // The invariant is the one block after its label: a comment under it belongs to no part.
    expect(capsule?.invariant?.position.end.line).toBe(6);
    expect(capsule?.stray).toEqual([]);
  });
});
