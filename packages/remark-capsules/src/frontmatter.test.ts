import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

describe('frontmatter', () => {
  it('reads frontmatter whose lines end in a lone CR', () => {
    const { model, messages } = parseCapsuleDocument('---\rdescription: x\rtags: [a]\r---\r# T\r');
    expect(messages).toEqual([]);
    expect(model.frontmatter?.raw).toBe('description: x\rtags: [a]\r');
    expect(model.frontmatter?.fields.map((field) => [field.key, field.keyPosition.start.line])).toEqual([
      ['description', 2],
      ['tags', 3],
    ]);
  });

  it('leaves a closing fence with trailing spaces out of the YAML', () => {
    const { model, messages } = parseCapsuleDocument('---\ndescription: x\n---   \n# T\n');
    expect(messages).toEqual([]);
    expect(model.frontmatter?.raw).toBe('description: x\n');
    expect(model.frontmatter?.data).toEqual({ description: 'x' });
  });
});
