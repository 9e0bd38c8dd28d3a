import { describe, expect, it } from 'vitest';
import { closesFence, fenceOpenedBy } from './fences.js';

describe('code fence rules', () => {
  it('find the fence a line opens, up to three spaces in', () => {
    expect(fenceOpenedBy('```ts')).toBe('```');
    expect(fenceOpenedBy('   ~~~~ info ` with a backtick')).toBe('~~~~');
    expect(fenceOpenedBy('    ```')).toBeUndefined();
    expect(fenceOpenedBy('``')).toBeUndefined();
    // A backtick in a backtick fence's info string makes it a code span, not a fence.
    expect(fenceOpenedBy('``` a`b')).toBeUndefined();
  });

  it('close with the same character, at least as long, then only spaces and tabs', () => {
    expect(closesFence('```', '```')).toBe(true);
    expect(closesFence('   `````\t ', '```')).toBe(true);
    expect(closesFence('``', '```')).toBe(false);
    expect(closesFence('~~~', '```')).toBe(false);
    expect(closesFence('``` x', '```')).toBe(false);
    expect(closesFence('    ```', '```')).toBe(false);
    // A no-break space is not white space to CommonMark here.
    expect(closesFence('```\u00a0', '```')).toBe(false);
  });
});
