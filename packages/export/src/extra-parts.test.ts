/** Extra parts (`**Why**`, `**Notes**`) travel with their capsule into every export. */
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { parseCapsuleDocument } from 'remark-capsules';
import { describe, expect, it } from 'vitest';
import { bundleToJson } from './bundle-json.js';
import { createBundle, type BundleFormat } from './bundle.js';
import { BudgetError, ExportError } from './errors.js';
import { renderLlmsFull } from './llms-full.js';
import type { Selection } from './select.js';
import { validateBundleJson } from './schema.js';
import { loadTokenCounter } from './tokens.js';

const counter = await loadTokenCounter('o200k_base');
const text = [
  '# Routes',
  '',
  '### Capsule: AnnotatedRoutes',
  '',
  '**Invariant**: Annotate every public route.',
  '**Why**: tools list routes by their annotations.',
  '',
  '**Example**',
  'Add the annotation above the handler.',
  '',
  '**Depth**',
  '',
  '- Distinction: an annotation is not a comment',
  '',
  '**Notes**',
  '',
  '```ts',
  "@route('GET', '/users')",
  ...Array.from({ length: 12 }, (_, index) => `@route('GET', '/users/${index}/settings/notifications/email')`),
  '```',
  '',
  '---',
  '',
  'Document prose after the break.',
].join('\n');
const graph = new KnowledgeGraph({ documents: [readDocument('routes.md', new TextEncoder().encode(text))] });
const bundle = (format: BundleFormat, budget?: number, selection: Selection = { capsules: ['AnnotatedRoutes'] }) =>
  createBundle(graph, { format, selection, counter, ...(budget === undefined ? {} : { budget }) });

describe('extra parts in bundles', () => {
  it('follow the three parts in a Markdown bundle, under their own labels, and read back as the same parts', () => {
    const { output } = bundle('markdown');
    expect(output).toContain('**Depth**\n\n- Distinction: an annotation is not a comment\n\n**Why**: tools list routes by their annotations.\n\n**Notes**\n\n```ts\n');
    expect(output).not.toContain('Document prose after the break');
    const [capsule] = parseCapsuleDocument(output).model.capsules;
    expect(capsule!.invariant?.text).toBe('Annotate every public route.');
    expect(capsule!.extraParts.map((part) => [part.label, part.text])).toEqual([
      ['Why', 'tools list routes by their annotations.'],
      ['Notes', expect.stringMatching(/^@route\('GET', '\/users'\)\n/)],
    ]);
  });

  it('are elements with their label in an XML bundle', () => {
    expect(bundle('xml').output).toContain('<extra label="Why">\ntools list routes by their annotations.\n</extra>');
  });

  it('are listed with label and Markdown in a JSON bundle that the shipped schema accepts', () => {
    const json = JSON.parse(bundle('json').output) as ReturnType<typeof bundleToJson>;
    expect(json.capsules[0]!.extras).toEqual([
      { label: 'Why', markdown: 'tools list routes by their annotations.' },
      { label: 'Notes', markdown: expect.stringMatching(/^```ts\n@route\('GET', '\/users'\)\n[\s\S]*\n```$/) },
    ]);
    expect(validateBundleJson(json)).toEqual([]);
  });

  it('are the first thing a tight budget leaves out of a capsule selected by document, and the bundle says so', () => {
    const byDocument: Selection = { documents: ['routes.md'] };
    const full = bundle('json', undefined, byDocument).tokens;
    let trimmed = 0;
    for (let budget = full - 1; ; budget--) {
      let fitted;
      try {
        fitted = bundle('json', budget, byDocument);
      } catch (error) {
        // Below the smallest budget a bundle can take: every budget above it was tried.
        expect(error).toBeInstanceOf(ExportError);
        break;
      }
      expect(fitted.tokens).toBeLessThanOrEqual(budget);
      expect(validateBundleJson(JSON.parse(fitted.output))).toEqual([]);
      const capsule = fitted.bundle.capsules[0];
      if (!capsule) continue;
      // An extra part is in only while all three parts are.
      if (capsule.parts.length < 3) expect(capsule.extras).toEqual([]);
      if (capsule.parts.length === 3 && capsule.extras.length < 2) {
        trimmed++;
        expect(fitted.bundle.leftOut?.extras).toEqual(['AnnotatedRoutes']);
      }
    }
    expect(trimmed).toBeGreaterThan(0);
  });

  it('stay in whole with a capsule asked for by name: a smaller budget is refused instead', () => {
    let minimum = 0;
    try {
      bundle('json', 1);
    } catch (error) {
      if (error instanceof BudgetError) minimum = error.minimum;
    }
    expect(bundle('json', minimum).bundle.capsules[0]!.extras).toHaveLength(2);
    expect(() => bundle('json', minimum - 1)).toThrow(BudgetError);
  });
});

describe('extra parts in llms-full', () => {
  it('are in the document text, as written', () => {
    const full = renderLlmsFull(graph, { title: 'Routes', summary: 'Route rules.' });
    expect(full).toContain('**Why**: tools list routes by their annotations.');
    expect(full).toContain("**Notes**\n\n```ts\n@route('GET', '/users')\n@route('GET', '/users/0/settings/notifications/email')");
  });
});
