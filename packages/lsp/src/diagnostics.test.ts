import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { toDiagnostic } from './diagnostics.js';
import { codeActions } from './features.js';

describe('a disable comment that turns nothing off, in an editor', () => {
  const text = '# Notes\n\n<!-- capsule-disable-next-line see-also-resolves -->\nPlain text.\n';
  const graph = new KnowledgeGraph({ documents: [readDocument('notes.md', new TextEncoder().encode(text))] });
  const [message] = lintGraph(graph).files[0]!.messages;

  it('is a warning over the rule id, marked unnecessary so that the editor fades it', () => {
    expect(toDiagnostic(message!)).toMatchObject({
      code: 'unused-disable',
      severity: DiagnosticSeverity.Warning,
      range: { start: { line: 2, character: 31 }, end: { line: 2, character: 48 } },
      tags: [DiagnosticTag.Unnecessary],
    });
  });

  it('has a quick fix taking the comment\'s line away', () => {
    const diagnostic = toDiagnostic(message!);
    const [action] = codeActions(graph.document('notes.md')!, 'file:///notes.md', [message!], diagnostic.range);
    expect(action!.edit!.changes!['file:///notes.md']).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]);
  });
});
