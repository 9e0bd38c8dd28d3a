import { describe, expect, it } from 'vitest';
import type { Reference } from './model.js';
import { parseCapsuleDocument } from './parse.js';
import { docsResourcePath, kindOf } from './references.js';

const prefix = '### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: ';

function seeAlsoOf(text: string) {
  return parseCapsuleDocument(text).model.capsules[0]?.seeAlso ?? [];
}

/** The references of one SeeAlso value, each with the source text its position covers. */
function read(value: string): (Pick<Reference, 'kind' | 'target' | 'qualifier' | 'note' | 'anchor'> & { at: string })[] {
  const text = `${prefix}${value}\n`;
  return seeAlsoOf(text).map((reference) => ({
    kind: reference.kind,
    target: reference.target,
    qualifier: reference.qualifier,
    note: reference.note,
    anchor: reference.anchor,
    at: text.slice(reference.position.start.offset, reference.position.end.offset),
  }));
}

const plain = (target: string, at = target) => ({ kind: 'capsule', target, qualifier: undefined, note: undefined, anchor: undefined, at });

describe('SeeAlso references', () => {
  it('reads a free-text target that wraps onto the next line as one line, with any line endings', () => {
    const text = '### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: Etsy blameless\n  postmortem philosophy\n';
    for (const file of [text, text.replace(/\n/g, '\r\n')]) {
      const [reference] = seeAlsoOf(file);
      expect(reference?.target).toBe('Etsy blameless postmortem philosophy');
      expect(reference?.kind).toBe('text');
      expect(reference?.position.end).toMatchObject({ line: 6, column: 24 });
    }
  });

  it("reads a file an agent's prompt mentions with `@` as that file, the link's target as written", () => {
    const file = (target: string, at = target) => ({ kind: 'document', target, qualifier: undefined, note: undefined, anchor: undefined, at });
    expect(read('@queries.md, [@work-items.md], `@docs/guide.md`, [x](@odd.md)')).toEqual([
      file('queries.md'),
      file('work-items.md'),
      file('docs/guide.md'),
      { ...file('@odd.md', '[x](@odd.md)') },
    ]);
  });

  it('places a bare, backticked, bold or period-closed name at the name itself', () => {
    expect(read('PlainName, `Backticked`, **BoldName**, Closed.')).toEqual([
      plain('PlainName'),
      plain('Backticked'),
      plain('BoldName'),
      plain('Closed'),
    ]);
  });

  it('reads every way of writing where a name lives, backticks stripped from the file', () => {
    expect(read('RiskDiscovery (in ARCHITECTURE.md), `RiskDiscovery` in ARCHITECTURE.md, `RiskDiscovery` (in `docs/ARCH.md`)')).toEqual([
      { ...plain('RiskDiscovery'), qualifier: 'ARCHITECTURE.md' },
      { ...plain('RiskDiscovery'), qualifier: 'ARCHITECTURE.md' },
      { ...plain('RiskDiscovery'), qualifier: 'docs/ARCH.md' },
    ]);
    expect(read('RiskDiscovery (in ARCHITECTURE.md).')).toEqual([{ ...plain('RiskDiscovery'), qualifier: 'ARCHITECTURE.md' }]);
    expect(read('`RiskDiscovery` in `docs/a/b.md`: where risks are found')).toEqual([
      { ...plain('RiskDiscovery'), qualifier: 'docs/a/b.md', note: 'where risks are found' },
    ]);
    // A bare word with a slash is prose, as it is where an item may start: no file to look in.
    expect(read('`RiskDiscovery` in reactors/reducers').map(({ qualifier, note }) => [qualifier, note])).toEqual([[undefined, 'in reactors/reducers']]);
    expect(read('`RiskDiscovery` in docs/risks.md').map(({ qualifier, note }) => [qualifier, note])).toEqual([['docs/risks.md', undefined]]);
  });

  it('keeps the prose after a name as its note, whatever introduces it', () => {
    for (const [value, note] of [
      ['RiskDiscovery (a note, with a comma)', 'a note, with a comma'],
      ['RiskDiscovery - a note', 'a note'],
      ['RiskDiscovery -- a note', 'a note'],
      ['RiskDiscovery — a note, and more', 'a note, and more'],
      ['RiskDiscovery – a note', 'a note'],
      ['RiskDiscovery: a note.', 'a note'],
      ['**RiskDiscovery:** a note', 'a note'],
      ['**RiskDiscovery**: a note', 'a note'],
      ['`RiskDiscovery` for finding risks', 'for finding risks'],
      ['`RiskDiscovery`. Read it before planning.', 'Read it before planning'],
    ] as const) {
      expect(read(value), value).toEqual([{ ...plain('RiskDiscovery'), note }]);
    }
    expect(read('RiskDiscovery (in ARCHITECTURE.md) — the other half')).toEqual([
      { ...plain('RiskDiscovery'), qualifier: 'ARCHITECTURE.md', note: 'the other half' },
    ]);
  });

  it('reads a location that names no file as a note, so the name resolves on its own', () => {
    for (const [value, note] of [
      ['`RiskReview` in the planning guide', 'in the planning guide'],
      ['RiskReview in the planning guide', 'in the planning guide'],
      ['RiskReview (in the planning guide)', 'in the planning guide'],
    ] as const) {
      expect(read(value), value).toEqual([{ ...plain('RiskReview'), note }]);
    }
    // A plain word before `in` is still prose, not a name.
    expect(read('Redis in production')).toEqual([{ kind: 'text', target: 'Redis in production', qualifier: undefined, note: undefined, anchor: undefined, at: 'Redis in production' }]);
  });

  it('reads a docs resource (`docs:///path`) as a document, as a target and as a location', () => {
    expect(read('docs:///ai-context/ops.md, `RiskReview` (in docs:///ai-context/ops.md)')).toEqual([
      { kind: 'document', target: 'docs:///ai-context/ops.md', qualifier: undefined, note: undefined, anchor: undefined, at: 'docs:///ai-context/ops.md' },
      { ...plain('RiskReview'), qualifier: 'docs:///ai-context/ops.md' },
    ]);
    expect(docsResourcePath('repoql-docs:///guide/start.md')).toBe('guide/start.md');
    expect(docsResourcePath('https:///x.md')).toBeUndefined();
    expect(kindOf('docs://host/x.md')).toBe('url');
  });

  it('ends a note where the next name starts, and keeps a note’s own separators', () => {
    expect(read('RiskDiscovery — reads and writes / both, IdeaCapture (early), `ExplorationFirst`')).toEqual([
      { ...plain('RiskDiscovery'), note: 'reads and writes / both' },
      { ...plain('IdeaCapture'), note: 'early' },
      plain('ExplorationFirst'),
    ]);
  });

  it('splits several names on commas, semicolons, slashes and "and"', () => {
    const names = [plain('RiskDiscovery'), plain('IdeaCapture'), plain('ExplorationFirst')];
    for (const value of [
      'RiskDiscovery, IdeaCapture, ExplorationFirst',
      'RiskDiscovery; IdeaCapture; ExplorationFirst',
      'RiskDiscovery / IdeaCapture / ExplorationFirst',
      'RiskDiscovery, IdeaCapture and ExplorationFirst',
      'RiskDiscovery, IdeaCapture, and ExplorationFirst',
    ]) {
      expect(read(value), value).toEqual(names);
    }
  });

  it('does not split inside backticks, brackets, parentheses, URLs or paths', () => {
    expect(read('docs/a/b.md, `x, y`, https://example.com/a,b;c, [a, b](c/d.md) / ../up/README.md')).toEqual([
      { kind: 'document', target: 'docs/a/b.md', qualifier: undefined, note: undefined, anchor: undefined, at: 'docs/a/b.md' },
      { kind: 'text', target: 'x, y', qualifier: undefined, note: undefined, anchor: undefined, at: '`x, y`' },
      { kind: 'url', target: 'https://example.com/a,b;c', qualifier: undefined, note: undefined, anchor: undefined, at: 'https://example.com/a,b;c' },
      { kind: 'document', target: 'c/d.md', qualifier: undefined, note: undefined, anchor: undefined, at: '[a, b](c/d.md)' },
      { kind: 'document', target: '../up/README.md', qualifier: undefined, note: undefined, anchor: undefined, at: '../up/README.md' },
    ]);
  });

  it('reads a link to a capsule heading as the capsule, located in the linked document', () => {
    expect(read('[RiskDiscovery](other.md#capsule-riskdiscovery), [Guide](guide.md#intro)')).toEqual([
      { ...plain('RiskDiscovery'), qualifier: 'other.md' },
      { kind: 'document', target: 'guide.md', qualifier: undefined, note: undefined, anchor: 'intro', at: '[Guide](guide.md#intro)' },
    ]);
  });

  it('keeps paths, URLs and docs:/// targets, with a note when one follows', () => {
    expect(read('references/retry.md — how retries back off, docs:///ai-context/x.md, <https://example.com/auto>')).toEqual([
      { kind: 'document', target: 'references/retry.md', qualifier: undefined, note: 'how retries back off', anchor: undefined, at: 'references/retry.md' },
      { kind: 'document', target: 'docs:///ai-context/x.md', qualifier: undefined, note: undefined, anchor: undefined, at: 'docs:///ai-context/x.md' },
      { kind: 'url', target: 'https://example.com/auto', qualifier: undefined, note: undefined, anchor: undefined, at: '<https://example.com/auto>' },
    ]);
  });

  it('keeps a word with a slash in a note, but ends the note at a path', () => {
    expect(read('`RetryBudget` — hub routing, request/reply, and client testing.')).toEqual([
      { kind: 'capsule', target: 'RetryBudget', qualifier: undefined, note: 'hub routing, request/reply, and client testing', anchor: undefined, at: 'RetryBudget' },
    ]);
    expect(read('RetryBudget — the budget, docs/retry.md')).toEqual([
      { kind: 'capsule', target: 'RetryBudget', qualifier: undefined, note: 'the budget', anchor: undefined, at: 'RetryBudget' },
      { kind: 'document', target: 'docs/retry.md', qualifier: undefined, note: undefined, anchor: undefined, at: 'docs/retry.md' },
    ]);
  });

  it('reads a marked word that is no name, and the prose after it, as one free text', () => {
    const text = '`wolverine-signalr` — hub routing, request/reply, and client testing';
    expect(read(text)).toEqual([{ kind: 'text', target: 'wolverine-signalr — hub routing, request/reply, and client testing', qualifier: undefined, note: undefined, anchor: undefined, at: text }]);
  });

  it('reads a link in bold as the link, the prose after it as its note, however long the link', () => {
    const link = (target: string, note: string, at: string) => ({ kind: 'document', target, qualifier: undefined, note, anchor: undefined, at });
    expect(read('**[border-color](border-color.md)** — Border color, width, and radius utilities')).toEqual([
      link('border-color.md', 'Border color, width, and radius utilities', '[border-color](border-color.md)'),
    ]);
    const long = `reference/${'utilities-'.repeat(10)}colors.md`;
    expect(read(`__[the colour utilities](${long})__ - width and radius`)).toEqual([link(long, 'width and radius', `[the colour utilities](${long})`)]);
  });

  it('reads a path in backticks, or a bare path to a document, followed by prose as the path with a note', () => {
    const path = (target: string, note: string, at = target) => ({ kind: 'document', target, qualifier: undefined, note, anchor: undefined, at });
    expect(read('`../source-links/` for platform-specific URL formats.')).toEqual([path('../source-links/', 'for platform-specific URL formats')]);
    expect(read('`refs/missing.md` for details, refs/retry.md for the back-off')).toEqual([
      path('refs/missing.md', 'for details'),
      path('refs/retry.md', 'for the back-off'),
    ]);
    // A bare word with a slash is not marked as a path: prose after it stays free text.
    expect(read('and/or the other guide')).toEqual([{ kind: 'text', target: 'and/or the other guide', qualifier: undefined, note: undefined, anchor: undefined, at: 'and/or the other guide' }]);
  });

  it('reads a DocC symbol link in double backticks as no path, and a path in double backticks as a path', () => {
    const text = (target: string) => ({ kind: 'text', target, qualifier: undefined, note: undefined, anchor: undefined, at: `\`\`${target}\`\`` });
    expect(read('``P256K/Signing``, ``P256K/Signing/PrivateKey/init(dataRepresentation:)``, ``Foo/bar(_:)-8kqz``')).toEqual([
      text('P256K/Signing'),
      text('P256K/Signing/PrivateKey/init(dataRepresentation:)'),
      text('Foo/bar(_:)-8kqz'),
    ]);
    expect(read('``docs/Guide.md``, ``src/utils``').map(({ kind, target }) => [kind, target])).toEqual([
      ['document', 'docs/Guide.md'],
      ['document', 'src/utils'],
    ]);
  });

  it('reads a line with no capsule-shaped name where a name stands as free text', () => {
    for (const value of [
      "Etsy's blameless postmortem philosophy",
      'GitHub Actions workflow docs',
      'Note: this is old',
      'Retry — a plain word is not a capsule name',
    ]) {
      expect(read(value), value).toEqual([{ kind: 'text', target: value, qualifier: undefined, note: undefined, anchor: undefined, at: value }]);
    }
  });

  it('reads nested backticks, a link inside a code span and unmatched markup quietly, at the right places', () => {
    expect(read('`` a `b` c ``, `[RiskDiscovery](x.md)`, `unclosed, (((, IdeaCapture')).toEqual([
      { kind: 'text', target: 'a `b` c', qualifier: undefined, note: undefined, anchor: undefined, at: '`` a `b` c ``' },
      { kind: 'text', target: '[RiskDiscovery](x.md)', qualifier: undefined, note: undefined, anchor: undefined, at: '`[RiskDiscovery](x.md)`' },
      { kind: 'text', target: 'unclosed', qualifier: undefined, note: undefined, anchor: undefined, at: '`unclosed' },
      { kind: 'text', target: '(((', qualifier: undefined, note: undefined, anchor: undefined, at: '(((' },
      plain('IdeaCapture'),
    ]);
  });

  it('reads a line of 5,000 names into 5,000 references, each at its name', () => {
    const names = Array.from({ length: 5000 }, (_, index) => `NameNumber${index}`);
    const forms = names.map((name, index) => (index % 3 === 0 ? `\`${name}\`` : index % 3 === 1 ? `${name} (a note)` : name));
    const text = `${prefix}${forms.join(', ')}\n`;
    const references = seeAlsoOf(text);
    expect(references).toHaveLength(5000);
    references.forEach((reference, index) => {
      expect(text.slice(reference.position.start.offset, reference.position.end.offset)).toBe(names[index]);
      expect(reference.note).toBe(index % 3 === 1 ? 'a note' : undefined);
    });
  });

  it('reads a line of thousands of unmatched backticks and brackets without a reference going astray', () => {
    const value = `${'` [ ( '.repeat(3000)}, IdeaCapture`;
    const text = `${prefix}${value}\n`;
    const references = seeAlsoOf(text);
    const last = references.at(-1)!;
    expect(last.target).toBe('IdeaCapture');
    expect(text.slice(last.position.start.offset, last.position.end.offset)).toBe('IdeaCapture');
  });

  it('reads long runs of periods, spaces, backticks and colons quietly, the name after them in place', () => {
    const runs = ['.'.repeat(50000), ' '.repeat(50000), '`'.repeat(50000), ':'.repeat(50000)];
    const value = `RiskDiscovery — ${runs.join('x')}, \`IdeaCapture\`${'.'.repeat(50000)}`;
    const text = `${prefix}${value}\n`;
    const references = seeAlsoOf(text);
    expect(references.map((reference) => [reference.target, text.slice(reference.position.start.offset, reference.position.end.offset)])).toEqual([
      ['RiskDiscovery', 'RiskDiscovery'],
      ['IdeaCapture', 'IdeaCapture'],
    ]);
    expect(references[0]!.note?.length).toBeGreaterThan(150000);
  });
});

describe('a See Also label inside a capsule, after its Depth', () => {
  const depth = '### Capsule: Alpha\n\n**Invariant**\nAlpha holds.\n\n**Example**\nAn example.\n\n**Depth**\n\n- Distinction: a distinction\n\n';

  it('reads the bullets under `**See Also**:` as the capsule’s references, not as document prose or mentions', () => {
    const text = `${depth}**See Also**:\n\n- \`RiskDiscovery\` (in ideas.md)\n- IdeaCapture — the step before\n`;
    const { capsules, seeAlso, mentions } = parseCapsuleDocument(text).model;
    expect(capsules[0]?.seeAlso.map((reference) => [reference.target, reference.qualifier, reference.note, reference.position.start.line])).toEqual([
      ['RiskDiscovery', 'ideas.md', undefined, 15],
      ['IdeaCapture', undefined, 'the step before', 16],
    ]);
    expect(capsules[0]?.depthItems.map((item) => item.group)).toEqual([undefined, 'See Also', 'See Also']);
    expect(seeAlso).toEqual([]);
    expect(mentions).toEqual([]);
  });

  it('reads names on the label’s own line as the capsule’s references', () => {
    const text = `${depth}**See Also**: RiskDiscovery, \`IdeaCapture\`\n`;
    const { capsules, mentions } = parseCapsuleDocument(text).model;
    expect(capsules[0]?.seeAlso.map((reference) => [reference.target, text.slice(reference.position.start.offset, reference.position.end.offset)])).toEqual([
      ['RiskDiscovery', 'RiskDiscovery'],
      ['IdeaCapture', 'IdeaCapture'],
    ]);
    expect(mentions).toEqual([]);
  });

  it('leaves the label after a `---` to the document', () => {
    const text = `${depth}---\n\n**See Also**:\n\n- RiskDiscovery\n`;
    const { capsules, seeAlso } = parseCapsuleDocument(text).model;
    expect(capsules[0]?.seeAlso).toEqual([]);
    expect(seeAlso.map((reference) => reference.target)).toEqual(['RiskDiscovery']);
  });
});

describe("a document's own See Also", () => {
  it('reads the bullets under a bold label and under a See Also heading, outside every capsule', () => {
    const text = [
      '# Guide',
      '',
      '### Capsule: Alpha',
      '',
      '**See Also**:',
      '',
      '- InsideCapsule',
      '',
      '## Further reading',
      '',
      '**See also:**',
      '',
      '- RiskDiscovery — where risks are found',
      '- `IdeaCapture` in ideas.md',
      '',
      '## See Also',
      '',
      'Some prose first.',
      '',
      '- ExplorationFirst (read first), docs/retry.md',
      '  - NestedIsNotRead',
      '',
      '## Next',
      '',
      '- AfterTheSection',
      '',
    ].join('\n');
    const model = parseCapsuleDocument(text).model;
    expect(
      model.seeAlso.map((reference) => ({
        target: reference.target,
        qualifier: reference.qualifier,
        note: reference.note,
        line: reference.position.start.line,
        at: text.slice(reference.position.start.offset, reference.position.end.offset),
      })),
    ).toEqual([
      { target: 'RiskDiscovery', qualifier: undefined, note: 'where risks are found', line: 13, at: 'RiskDiscovery' },
      { target: 'IdeaCapture', qualifier: 'ideas.md', note: undefined, line: 14, at: 'IdeaCapture' },
      { target: 'ExplorationFirst', qualifier: undefined, note: 'read first', line: 20, at: 'ExplorationFirst' },
      { target: 'docs/retry.md', qualifier: undefined, note: undefined, line: 20, at: 'docs/retry.md' },
    ]);
    // The items are references, not also prose mentions.
    expect(model.mentions.map((mention) => mention.name)).not.toContain('IdeaCapture');
  });

  it('reads names written on the label line itself', () => {
    const text = '# Guide\n\n**See Also**: RiskDiscovery, `IdeaCapture`\n';
    expect(parseCapsuleDocument(text).model.seeAlso.map((reference) => [reference.target, text.slice(reference.position.start.offset, reference.position.end.offset)])).toEqual([
      ['RiskDiscovery', 'RiskDiscovery'],
      ['IdeaCapture', 'IdeaCapture'],
    ]);
  });

  it('reads a paragraph that opens with the SeeAlso key, but not prose that says "See also"', () => {
    const text = '# Guide\n\nSeeAlso: RiskDiscovery, `IdeaCapture` (in ideas.md)\n\nSee also: the vendor manual.\n';
    expect(parseCapsuleDocument(text).model.seeAlso.map((reference) => [reference.target, reference.qualifier, text.slice(reference.position.start.offset, reference.position.end.offset)])).toEqual([
      ['RiskDiscovery', undefined, 'RiskDiscovery'],
      ['IdeaCapture', 'ideas.md', 'IdeaCapture'],
    ]);
  });

  it('is empty when the document has none', () => {
    expect(parseCapsuleDocument('# Guide\n\n**See** also this\n\n- NotAReference\n').model.seeAlso).toEqual([]);
  });

  it('reads past a bold label that names a kind of link, but takes a bold capsule name as the reference', () => {
    const text = [
      '# Troubleshooting',
      '',
      '## See Also',
      '',
      '- **Reference**: Check `TROUBLESHOOTING.md` for complete workflows',
      '- **Full Context**: `docs/standards/storage.md` for the evidence',
      '- **Related:** `docs/setup/team.md` for new machines',
      '- **RiskDiscovery**: where risks are found',
      '',
    ].join('\n');
    expect(parseCapsuleDocument(text).model.seeAlso.map((reference) => [reference.target, reference.kind, text.slice(reference.position.start.offset, reference.position.end.offset)])).toEqual([
      ['Check `TROUBLESHOOTING.md` for complete workflows', 'text', 'Check `TROUBLESHOOTING.md` for complete workflows'],
      ['docs/standards/storage.md', 'document', 'docs/standards/storage.md'],
      ['docs/setup/team.md', 'document', 'docs/setup/team.md'],
      ['RiskDiscovery', 'capsule', 'RiskDiscovery'],
    ]);
  });
});
