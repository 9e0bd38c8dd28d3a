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

describe('frontmatter places', () => {
  it('ends a block value at its last character, not at the start of the next line', () => {
    const { model } = parseCapsuleDocument('---\naudience:\n  - LLMs\n  - Humans\ntags: [a]\n---\n');
    const audience = model.frontmatter?.fields.find((field) => field.key === 'audience');
    expect(audience?.valuePosition).toEqual({
      start: { line: 3, column: 3, offset: 16 },
      end: { line: 4, column: 11, offset: 33 },
    });
  });
});

describe('frontmatter errors', () => {
  it('points a duplicate key error at the repeated key, also when the pair before it has no value', () => {
    const text = '---\naudience:\naudience:\n---\n';
    for (const file of [text, text.replace(/\n/g, '\r\n')]) {
      const { messages } = parseCapsuleDocument(file);
      expect(messages.map((message) => [message.ruleId, message.place])).toEqual([
        ['yaml-syntax', { start: expect.objectContaining({ line: 3, column: 1 }), end: expect.objectContaining({ line: 3, column: 9 }) }],
      ]);
    }
  });
});
