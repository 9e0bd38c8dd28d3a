/**
 * Properties of the checker on generated corpora: several documents in folders that cite,
 * link and SeeAlso each other at random (well-formed, broken, escaping the root, or free
 * text), with capsule fragments, frontmatter and stray markup among them. The normal test
 * run tries a few dozen corpora (`corpus.test.ts`); `pnpm fuzz` tries many more.
 */
import { KnowledgeGraph, readDocument } from '@capsule-docs/graph';
import { lintGraph } from '@capsule-docs/lint';
import fc from 'fast-check';
import { findingPlaceProblems } from './places.js';

const paths = ['index.md', 'guide.md', 'topics/risk.md', 'topics/deep/plan.md', 'other folder/notes.md'];
const capsuleNames = ['RiskDiscovery', 'IdeaCapture', 'PlanReview', 'SmallSteps', 'risk_discovery', 'Plan Review', 'Ünicode', ''];

const target = fc.oneof(
  fc.constantFrom(...capsuleNames),
  fc.constantFrom(...paths).map((path) => `\`${path}\``),
  fc.tuple(fc.constantFrom(...capsuleNames), fc.constantFrom(...paths, '../outside.md', '/etc/passwd')).map(([name, path]) => `${name} (in ${path})`),
  fc.constantFrom('../../etc/passwd', '%2e%2e/secret.md', 'file:///etc/passwd', 'C:\\Windows\\win.ini', 'https://example.org/x', 'free text here', '`Ticked`.'),
);

const linkTarget = fc.oneof(
  fc.constantFrom(...paths),
  fc.tuple(fc.constantFrom(...paths), fc.constantFrom('', '#risk-discovery', '#capsule-ideacapture', '#nowhere')).map(([path, anchor]) => `${path}${anchor}`),
  fc.constantFrom('../guide.md', './topics/risk.md', '../../escape.md', '%2e%2e/x.md', '#top', 'javascript:alert(1)', 'mailto:a@b.c', '<./spaced name.md>'),
);

const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('**', '`', '[', ']', '(', ')', '<script>', '</div>', '&amp;', '\\', '|', '~~~', '---', '***', '> ', '- ', '1. ', '    '),
);
const words = fc.array(fc.oneof(fc.constantFrom('plain', 'text', 'Trade-off', 'a: b', '2024', 'v1.2'), noise), { maxLength: 5 }).map((parts) => parts.join(' '));

const capsule = fc
  .record({
    depth: fc.integer({ min: 2, max: 4 }),
    name: fc.constantFrom(...capsuleNames),
    invariant: words,
    example: fc.oneof(words, fc.constant('```sh\nls\n```\n//BOUNDARY: edge')),
    items: fc.array(fc.oneof(words.map((text) => `Distinction: ${text}`), fc.array(target, { minLength: 1, maxLength: 4 }).map((targets) => `SeeAlso: ${targets.join(', ')}`)), { maxLength: 4 }),
    shape: fc.constantFrom('block', 'inline', 'missing-example', 'reordered'),
  })
  .map(({ depth, name, invariant, example, items, shape }) => {
    const heading = `${'#'.repeat(depth)} Capsule: ${name}`;
    const invariantPart = shape === 'inline' ? `**Invariant**: ${invariant}` : `**Invariant**\n${invariant}`;
    const examplePart = shape === 'missing-example' ? '' : `**Example**\n${example}`;
    const depthPart = `**Depth**\n\n${items.map((item) => `- ${item}`).join('\n')}`;
    const parts = shape === 'reordered' ? [depthPart, invariantPart, examplePart] : [invariantPart, examplePart, depthPart];
    return [heading, ...parts].filter((part) => part !== '').join('\n\n');
  });

const block = fc.oneof(
  { weight: 3, arbitrary: capsule },
  { weight: 2, arbitrary: fc.tuple(words, fc.constantFrom(...capsuleNames)).map(([text, name]) => `${text} \`${name}\` and [${name}].`) },
  { weight: 2, arbitrary: fc.tuple(words, linkTarget).map(([text, to]) => `See [${text || 'this'}](${to}).`) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.boolean(), words, fc.constantFrom(...capsuleNames)), { minLength: 1, maxLength: 3 })
      .map((items) => `## Verification Checklist\n\n${items.map(([done, text, name]) => `- [${done ? 'x' : ' '}] ${text} (${name})`).join('\n')}`),
  },
  { weight: 1, arbitrary: noise },
);

const frontmatter = fc.oneof(
  fc.constant(''),
  fc.constant('---\ndescription: A generated document for checking\ntags: ["Generated"]\naudience: ["Humans"]\ncategories: ["Reference[50%]"]\n---\n'),
  fc
    .array(fc.constantFrom('description: x', 'tags: [a, a]', 'audience: LLMs', 'categories: ["X[300%]"]', '__proto__: {p: 1}', 'a: &x 1', 'b: *x', 'key: [open', 'dup: 1', 'dup: 2'), { maxLength: 5 })
    .map((lines) => `---\n${lines.join('\n')}\n---\n`),
);

const document = fc
  .tuple(fc.constantFrom('', '\uFEFF'), frontmatter, words, fc.array(block, { maxLength: 6 }))
  .map(([mark, front, title, blocks]) => `${mark}${front}# ${title}\n\n${blocks.join('\n\n')}\n`);

/** A corpus: a few documents at the paths above, with LF line endings. */
export const corpusArbitrary: fc.Arbitrary<Record<string, string>> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...paths), document), { minLength: 1, maxLength: paths.length, selector: ([path]) => path })
  .map((entries) => Object.fromEntries(entries));

/** The checker's findings on a corpus held in memory. */
export function checkCorpus(files: Record<string, string>) {
  const encoder = new TextEncoder();
  const documents = Object.entries(files).map(([path, text]) => readDocument(path, encoder.encode(text)));
  const graph = new KnowledgeGraph({ documents, files: Object.keys(files) });
  return { graph, result: lintGraph(graph) };
}

/** The checker never throws nor fails inside, and every finding lies in its file. */
export const findingsInsideTheirFiles = fc.property(corpusArbitrary, fc.constantFrom('\n', '\r\n', '\r'), (files, ending) => {
  const withEnding = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text.replace(/\n/g, ending)]));
  const { graph, result } = checkCorpus(withEnding);
  const problems = result.files.flatMap(({ path, messages }) => [
    ...messages.filter((message) => message.ruleId === 'internal-error').map((message) => `${path}: ${message.reason}`),
    ...findingPlaceProblems(graph.document(path)!.text, messages).map((problem) => `${path}: ${problem}`),
  ]);
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

/**
 * A corpus written with CRLF or lone CR line endings gets the findings of its LF twin. The
 * twin has LF endings only: a carriage return the generator put in a line is a line ending
 * too, and would make the twins differ by a line.
 */
export const sameFindingsForAnyLineEnding = fc.property(corpusArbitrary, fc.constantFrom('\r\n', '\r'), (generated, ending) => {
  const files = Object.fromEntries(Object.entries(generated).map(([path, text]) => [path, text.replace(/\r\n?/g, '\n')]));
  const summary = (corpus: Record<string, string>) =>
    checkCorpus(corpus).result.files.flatMap(({ path, messages }) =>
      messages.map((message) => {
        const place = message.place && 'start' in message.place ? message.place : undefined;
        return `${path} ${message.ruleId}/${message.messageId ?? ''} ${place?.start.line}:${place?.start.column}-${place?.end.line}:${place?.end.column}`;
      }),
    );
  const lf = summary(files);
  const other = summary(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text.replace(/\n/g, ending)])));
  if (JSON.stringify(lf) !== JSON.stringify(other)) {
    const missing = lf.filter((finding) => !other.includes(finding));
    const extra = other.filter((finding) => !lf.includes(finding));
    throw new Error(`findings differ with ${JSON.stringify(ending)}:\n  only with LF: ${missing.join('\n    ')}\n  only with ${JSON.stringify(ending)}: ${extra.join('\n    ')}`);
  }
});

/** Markdown-ish text from tokens that open and close constructs at random, in any order. */
const markdownSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\n\n', '\r\n', '\r', '    ', '\t', '> ', '- ', '* ', '1. ', '# ', '### Capsule: ', '**Depth**', '**Invariant**:', '- SeeAlso: '),
      fc.constantFrom('[', ']', '(', ')', '<', '>', '`', '```', '~~~', '*', '_', '**', '|', '---', '<!--', '-->', '<script>', '&#0;', '\\', '\u0000', '\uFEFF', '\u200b'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 80 },
  )
  .map((tokens) => tokens.join(''));

/** Any text read as a document gives findings at places inside it, never a failure inside. */
export const anyTextReadsSoundly = fc.property(markdownSoup, (text) => {
  const { graph, result } = checkCorpus({ 'soup.md': text });
  const document = graph.document('soup.md')!;
  const problems = [
    ...result.files.flatMap(({ messages }) => messages.filter((message) => message.ruleId === 'internal-error').map((message) => message.reason)),
    ...findingPlaceProblems(document.text, result.files[0]?.messages ?? []),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
