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

  it('are left out of the content position, but not out of the part', () => {
    expect(capsule?.invariant?.contentPosition?.start.line).toBe(6);
    expect(capsule?.invariant?.contentPosition?.end.line).toBe(6);
    expect(capsule?.invariant?.position.end.line).toBe(8);
  });
});
