import { describe, expect, it } from 'vitest';
import { frontmatterAt, isFrontmatterFence } from './frontmatter-fence.js';

describe('frontmatter fences', () => {
  it('are `---` lines, spaces and tabs after allowed', () => {
    expect(isFrontmatterFence('---')).toBe(true);
    expect(isFrontmatterFence('--- \t')).toBe(true);
    expect(isFrontmatterFence(' ---')).toBe(false);
    expect(isFrontmatterFence('----')).toBe(false);
    expect(isFrontmatterFence('---\u00a0')).toBe(false);
  });

  it('give the lines the frontmatter takes and whether it is closed, over every line ending', () => {
    expect(frontmatterAt('---\ntitle: A\n--- \n# Body')).toEqual({ lines: 3, closed: true });
    expect(frontmatterAt('---\r\n---\r\n')).toEqual({ lines: 2, closed: true });
    expect(frontmatterAt('---\rkey: v\r---')).toEqual({ lines: 3, closed: true });
    expect(frontmatterAt('---\nkey: v\n\n- item')).toEqual({ lines: 4, closed: false });
  });

  it('find none where the text does not open with a fence and a line after it', () => {
    expect(frontmatterAt('---')).toBeUndefined();
    expect(frontmatterAt('# Title\n---\n')).toBeUndefined();
    expect(frontmatterAt('')).toBeUndefined();
  });
});
