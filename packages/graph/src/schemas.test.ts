import { describe, expect, it } from 'vitest';
import { loadSchema, shippedFrontmatterSchema, validateFrontmatter } from './schemas.js';

const valid = {
  description: 'A guide.',
  tags: ['Planning'],
  audience: ['LLMs', 'Humans'],
  categories: ['Workflows[100%]', 'Philosophy[70%]'],
};

describe('the frontmatter schema', () => {
  it('is draft 2020-12 and accepts the four fields of a well-formed document', () => {
    expect(loadSchema('frontmatter')['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validateFrontmatter(valid)).toEqual([]);
  });

  it.each([
    ['a missing field', { ...valid, tags: undefined }, '', 'required'],
    ['an unknown audience', { ...valid, audience: ['Robots'] }, '/audience/0', 'enum'],
    ['a strength over 100', { ...valid, categories: ['Workflows[101%]'] }, '/categories/0', 'pattern'],
    ['a strength without a percent sign', { ...valid, categories: ['Workflows[100]'] }, '/categories/0', 'pattern'],
    ['a fractional strength', { ...valid, categories: ['Workflows[50.5%]'] }, '/categories/0', 'pattern'],
    ['three categories', { ...valid, categories: ['A[1%]', 'B[2%]', 'C[3%]'] }, '/categories', 'maxItems'],
    ['an empty description', { ...valid, description: '' }, '/description', 'minLength'],
  ])('rejects %s', (_, data, instancePath, keyword) => {
    const errors = validateFrontmatter(JSON.parse(JSON.stringify(data)));
    expect(errors.map((error) => [error.instancePath, error.keyword])).toContainEqual([instancePath, keyword]);
  });

  it('accepts strengths from 0 to 100', () => {
    for (const strength of [0, 7, 42, 100]) {
      expect(validateFrontmatter({ ...valid, categories: [`Kind[${strength}%]`] })).toEqual([]);
    }
  });
});

describe('the skill schema', () => {
  const skill = () => shippedFrontmatterSchema('skill');

  it('accepts a skill with a name, a description and the optional fields, and keys of other tools', () => {
    const data = { name: 'deploy-preview', description: 'Deploys a preview.', 'allowed-tools': 'Bash Read', license: 'MIT', metadata: { owner: 'web' }, owner: 'web' };
    expect(validateFrontmatter(data, skill())).toEqual([]);
    expect(validateFrontmatter({ description: 'No name: tools take the folder name.', 'allowed-tools': ['Read', 'Grep'] }, skill())).toEqual([]);
  });

  it('requires a description of at most 1024 characters and a lower-case hyphenated name of at most 64', () => {
    const problems = (data: object) => validateFrontmatter(data, skill()).map((error) => `${error.instancePath} ${error.keyword}`);
    expect(problems({ name: 'deploy' })).toEqual([' required']);
    expect(problems({ description: 'x'.repeat(1025) })).toEqual(['/description maxLength']);
    expect(problems({ name: 'Deploy_Preview', description: 'd' })).toEqual(['/name pattern']);
    expect(problems({ name: 'a'.repeat(65), description: 'd' })).toEqual(['/name maxLength']);
    expect(problems({ name: 'double--hyphen', description: 'd' })).toEqual(['/name pattern']);
  });
});
