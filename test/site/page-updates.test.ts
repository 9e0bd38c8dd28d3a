/**
 * `astro dev` renders again only the pages an edit can change. Whatever the edit, the pages it
 * keeps and the pages it renders again must together be exactly what rendering every page of
 * the edited corpus gives.
 */
import { KnowledgeGraph, readDocument, type CorpusDocument } from '@capsule-docs/graph';
import { describe, expect, it } from 'vitest';
import { pagesToRender } from '../../site/src/lib/page-updates.js';
import { documentPages, type DocumentPage } from '../../site/src/lib/views.js';

const encoder = new TextEncoder();
const options = { base: '/', home: undefined };

function capsule(name: string, seeAlso: string[] = [], invariant = 'Keep each step small enough to undo.'): string {
  const see = seeAlso.length > 0 ? `- SeeAlso: ${seeAlso.join(', ')}\n` : '';
  return `### Capsule: ${name}\n\n**Invariant**\n${invariant}\n\n**Example**\nShip the first half alone.\n\n**Depth**\n\n- Distinction: small is not trivial\n${see}`;
}

function documentText(title: string, body: string, tags: string[] = ['Planning']): string {
  return `---\ntags: [${tags.join(', ')}]\n---\n\n# ${title}\n\n${body}`;
}

const corpus: Record<string, string> = {
  'plans.md': documentText('Plans', `${capsule('PlanReview', ['RiskList'])}\n${capsule('SmallSteps')}\n- [ ] Read the plan aloud (PlanReview)\n`),
  'risks.md': documentText('Risks', `${capsule('RiskList', ['SmallSteps'])}\nSee [the plans](plans.md#capsule-planreview).\n`),
  'ops/running.md': documentText('Running', `${capsule('TriedRollback', ['RiskList', 'PlanReview'])}\nA mention of SmallSteps in prose.\n`),
  'notes.md': documentText('Notes', 'Nothing but prose that names no capsule.\n', ['Notes']),
};

function graphOf(texts: Record<string, string>): KnowledgeGraph {
  const documents: CorpusDocument[] = Object.entries(texts).map(([path, text]) => readDocument(path, encoder.encode(text), { keepTree: true }));
  return new KnowledgeGraph({ documents });
}

const byId = (pages: DocumentPage[]) => new Map(pages.map((page) => [page.id, page]));

/** The pages after an edit as the dev server holds them: the earlier ones, with those it rendered again put over them. */
function afterUpdate(path: string, text: string): { kept: Map<string, DocumentPage>; full: Map<string, DocumentPage>; rendered: number } {
  const before = graphOf(corpus);
  const after = graphOf({ ...corpus, [path]: text });
  const affected = pagesToRender(before, after, path);
  const rendered = documentPages(after, options, affected === 'all' ? undefined : affected);
  const kept = byId(documentPages(before, options));
  for (const page of rendered) kept.set(page.id, page);
  return { kept, full: byId(documentPages(after, options)), rendered: rendered.length };
}

describe('pagesToRender', () => {
  const edits: [string, string, string][] = [
    ['rewords an invariant', 'risks.md', corpus['risks.md']!.replace('Keep each step small enough to undo.', 'List every risk before the first commit.')],
    ['renames a capsule others cite', 'risks.md', corpus['risks.md']!.replace('RiskList', 'RiskRegister')],
    ['removes a SeeAlso', 'ops/running.md', corpus['ops/running.md']!.replace(', PlanReview', '')],
    ['adds a SeeAlso to a missing name', 'notes.md', documentText('Notes', capsule('NoteTaking', ['NoSuchCapsule']), ['Notes'])],
    ['defines a name a second time', 'notes.md', documentText('Notes', capsule('SmallSteps'), ['Notes'])],
    ['changes a title cited in backlinks', 'ops/running.md', corpus['ops/running.md']!.replace('# Running', '# Running the service')],
    ['moves the anchor a link points at', 'plans.md', corpus['plans.md']!.replace('### Capsule: PlanReview', '### Capsule: PlanReading').replace('(PlanReview)', '(PlanReading)')],
    ['changes a tag', 'notes.md', documentText('Notes', 'Nothing but prose that names no capsule.\n', ['Journal'])],
    ['breaks the document', 'plans.md', '---\ntags: [unclosed\n# Plans\n'],
  ];

  it.each(edits)('gives the pages a full render gives when an edit %s', (_, path, text) => {
    const { kept, full } = afterUpdate(path, text);
    expect([...kept.keys()].sort()).toEqual([...full.keys()].sort());
    for (const [id, page] of full) expect(kept.get(id), id).toEqual(page);
  });

  it('renders only the edited page when nothing else can change', () => {
    const { rendered } = afterUpdate('notes.md', corpus['notes.md']!.replace('Nothing but prose', 'Only prose'));
    // The edited page and the generated index (there is no home document).
    expect(rendered).toBe(2);
  });
});
