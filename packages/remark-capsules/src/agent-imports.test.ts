import { describe, expect, it } from 'vitest';
import { importingTool } from './agent-imports.js';
import { parseCapsuleDocument } from './parse.js';

const importsOf = (text: string, path: string) =>
  parseCapsuleDocument(text, path)
    .model.links.filter((link) => link.import !== undefined)
    .map((link) => [link.path, link.text, link.import, `${link.position.start.line}:${link.position.start.column}-${link.position.end.line}:${link.position.end.column}`]);

describe('agent imports', () => {
  it('are read in the files Claude Code and Gemini CLI read them in, and nowhere else', () => {
    expect(['CLAUDE.md', 'app/CLAUDE.local.md', '.claude/CLAUDE.md', '.claude/rules/go.md', '.claude/commands/ship/plan.md', 'GEMINI.md'].map(importingTool)).toEqual([
      'claude-code',
      'claude-code',
      'claude-code',
      'claude-code',
      'claude-code',
      'gemini-cli',
    ]);
    expect(['README.md', 'AGENTS.md', '.claude/agents/reviewer.md', 'docs/CLAUDE.md.txt', undefined].map(importingTool)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(importsOf('# Notes\n\n@docs/setup.md\n', 'README.md')).toEqual([]);
  });

  it('take a word of prose that names a text file, placed on the `@` and the path', () => {
    const text = ['# Project', '', '@AGENTS.md', 'See @docs/setup.md#install and @docs/setup.md.', '- Style: @rules/style.mdc', ''].join('\n');
    expect(importsOf(text, 'CLAUDE.md')).toEqual([
      ['AGENTS.md', '@AGENTS.md', 'claude-code', '3:1-3:11'],
      ['docs/setup.md', '@docs/setup.md#install', 'claude-code', '4:5-4:27'],
      ['docs/setup.md', '@docs/setup.md', 'claude-code', '4:32-4:46'],
      ['rules/style.mdc', '@rules/style.mdc', 'claude-code', '5:10-5:26'],
    ]);
  });

  it('leave out mentions, packages, decorators, code, machine paths, templates and words run into other text', () => {
    const text = [
      '# Project',
      '',
      'Ask @alice; add @types/node and @angular/core; use @app.get, @pytest.fixture and @dataclass.',
      'Run `@docs/code.md`, mail ops@example.com, read (@docs/paren.md) and **@docs/strong.md**.',
      'Mine: @~/.claude/me.md and @/etc/notes.md; given: @$ARGUMENTS, @{file}.md, @docs/*.md.',
      '',
      '```',
      '@docs/fenced.md',
      '```',
      '',
    ].join('\n');
    expect(importsOf(text, 'CLAUDE.md')).toEqual([]);
  });

  it('keep a path with an escaped space whole', () => {
    expect(importsOf('# P\n\n@docs/My\\ Notes.md\n', 'GEMINI.md')).toEqual([['docs/My Notes.md', '@docs/My\\ Notes.md', 'gemini-cli', '3:1-3:19']]);
  });
});
