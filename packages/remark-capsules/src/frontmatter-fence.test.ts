import { describe, expect, it } from 'vitest';
import { frontmatterAt, frontmatterFenceKind, isFrontmatterFence } from './frontmatter-fence.js';

describe('frontmatter fences', () => {
  it('are `---` lines, spaces and tabs after allowed', () => {
    expect(isFrontmatterFence('---')).toBe(true);
    expect(isFrontmatterFence('--- \t')).toBe(true);
    expect(isFrontmatterFence(' ---')).toBe(false);
    expect(isFrontmatterFence('----')).toBe(false);
    expect(isFrontmatterFence('---\u00a0')).toBe(false);
  });

  it('are `+++` lines for TOML, as remark-frontmatter reads Hugo and Zola pages', () => {
    expect(frontmatterFenceKind('+++ \t')).toBe('toml');
    expect(frontmatterFenceKind('---')).toBe('yaml');
    expect(frontmatterFenceKind('++++')).toBeUndefined();
    expect(isFrontmatterFence('+++', 'yaml')).toBe(false);
    expect(isFrontmatterFence('+++', 'toml')).toBe(true);
    expect(isFrontmatterFence('+++')).toBe(true);
  });

  it('close TOML only with `+++` and YAML only with `---`', () => {
    expect(frontmatterAt('+++\ntitle = "A"\n+++\n# Body')).toEqual({ kind: 'toml', lines: 3, closed: true });
    expect(frontmatterAt('+++\ntitle = "A"\n---\n# Body')).toEqual({ kind: 'toml', lines: 4, closed: false });
    expect(frontmatterAt('---\ntitle: A\n+++\n---\n')).toEqual({ kind: 'yaml', lines: 4, closed: true });
  });

  it('give the lines the frontmatter takes and whether it is closed, over every line ending', () => {
    expect(frontmatterAt('---\ntitle: A\n--- \n# Body')).toEqual({ kind: 'yaml', lines: 3, closed: true });
    expect(frontmatterAt('---\r\n---\r\n')).toEqual({ kind: 'yaml', lines: 2, closed: true });
    expect(frontmatterAt('---\rkey: v\r---')).toEqual({ kind: 'yaml', lines: 3, closed: true });
    expect(frontmatterAt('---\nkey: v\n\n- item')).toEqual({ kind: 'yaml', lines: 4, closed: false });
  });

  it('find none where the text does not open with a fence and a line after it', () => {
    expect(frontmatterAt('---')).toBeUndefined();
    expect(frontmatterAt('# Title\n---\n')).toBeUndefined();
    expect(frontmatterAt('')).toBeUndefined();
  });
});
