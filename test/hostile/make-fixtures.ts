/**
 * The generated part of the hostile corpus: inputs too large, too repetitive or too
 * sensitive to line endings to keep in `fixtures/`. Tests write them into a temporary folder;
 * to look at them, build and run this file:
 *
 *     npx tsc -b test/hostile && node test/hostile/dist/make-fixtures.js <folder> [--huge]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed fixtures, beside this file (or beside its build output in `dist/`). */
export const fixturesFolder = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../fixtures/' : './fixtures/', import.meta.url));

const repeat = (text: string, count: number) => text.repeat(count);

/**
 * Inputs after the pathological cases of cmark's test suite, each a few tens of kilobytes:
 * enough to take a parser that is quadratic in them minutes, not enough to slow a linear one.
 */
export const pathological: Record<string, () => string> = {
  'nested-strong-emphasis': () => `${repeat('*a **a ', 3000)}b${repeat(' a** a*', 3000)}`,
  'emphasis-closers-without-openers': () => repeat('a_ ', 10_000),
  'emphasis-openers-without-closers': () => repeat('_a ', 10_000),
  'link-closers-without-openers': () => repeat('a]', 10_000),
  'link-openers-without-closers': () => repeat('[a', 10_000),
  'mismatched-openers-and-closers': () => repeat('*a_ ', 10_000),
  'openers-and-closers-multiple-of-3': () => `a**b${repeat('c* ', 10_000)}`,
  'link-openers-and-emphasis-closers': () => repeat('[ a_', 10_000),
  'bracket-paren-runs': () => repeat('[ (](', 10_000),
  'image-bracket-runs': () => repeat('![[]()', 10_000),
  'nested-brackets': () => `${repeat('[', 10_000)}a${repeat(']', 10_000)}`,
  'nested-links-and-emphasis': () => `${repeat('[*a', 5000)}${repeat('*](b)', 5000)}`,
  'alternating-emphasis': () => repeat('*_', 10_000),
  'backtick-runs': () => Array.from({ length: 300 }, (_, index) => `e${'`'.repeat(index)}`).join(''),
  'unclosed-links-angle': () => repeat('[a](<b', 5000),
  'unclosed-links': () => repeat('[a](b', 5000),
  'unclosed-comments': () => `</${repeat('<!--', 10_000)}`,
  'processing-instructions': () => repeat('a <?', 10_000),
  'declarations': () => repeat('a <!A ', 10_000),
  'cdata': () => repeat('a <![CDATA[', 5000),
  'less-than-runs': () => repeat('<', 40_000),
  'many-references': () => `${Array.from({ length: 5000 }, (_, index) => `[${index}]: u`).join('\n')}\n\n${repeat('[0] ', 2000)}`,
  'table-with-control-characters': () => repeat('aaa\rbbb\n-\v\n', 2000),
  'table-of-pipes': () => `${repeat('|', 20_000)}\n${repeat('|-', 10_000)}\n`,
  'many-table-rows': () => `| a | b |\n| - | - |\n${repeat('| c | d |\n', 2000)}`,
  'many-setext-headings': () => repeat('a\n=\n', 3000),
  'many-task-items': () => repeat('- [ ] x\n', 3000),
  'many-entities': () => repeat('&amp;', 5000),
  'huge-numeric-entities': () => repeat('&#99999999;', 3000),
  'many-hard-breaks': () => repeat('a  \n', 3000),
  'long-link-title': () => `[a](b "${repeat('c', 40_000)}")`,
  'long-label': () => `[${repeat('x', 40_000)}]`,
  'long-link-destinations': () => `[a](https://e.com/${repeat('a', 100_000)}) and ![b](${repeat('b/', 50_000)}c.png)\n\n[c]: <${repeat('c', 100_000)}>\n\n[c]\n`,
};

/** `count` capsules, every tenth with a SeeAlso and a mention of a later one. */
export function manyCapsules(count: number): string {
  const name = (index: number) => `Idea${index.toString(36)}Rule`;
  const parts = ['# Many capsules\n\n'];
  for (let index = 0; index < count; index++) {
    parts.push(
      index % 10 === 0
        ? `### Capsule: ${name(index)}\n**Depth**\n- SeeAlso: ${name(index + 1)}\n\nSee \`${name(index + 2)}\`.\n\n`
        : `### Capsule: ${name(index)}\n\n`,
    );
  }
  return parts.join('');
}

/** The generated files, by name. */
export async function generatedFixtures(): Promise<Record<string, string>> {
  const lf = await readFile(join(fixturesFolder, 'line-endings.md'), 'utf8');
  const files: Record<string, string> = {
    'line-endings-crlf.md': lf.replace(/\n/g, '\r\n'),
    'line-endings-cr.md': lf.replace(/\n/g, '\r'),
    'deep-list.md': `# Deep list\n\n${repeat('- ', 10_000)}x\n`,
    'deep-quote.md': `# Deep quote\n\n${repeat('> ', 10_000)}x\n`,
    'deep-staircase.md': Array.from({ length: 2000 }, (_, level) => `${repeat('  ', Math.min(level, 150))}- level ${level}`).join('\n'),
    'deep-yaml.md': `---\ndescription: nested flow collections\ntags: ${repeat('[', 10_000)}${repeat(']', 10_000)}\n---\n# Deep YAML\n`,
    'large-yaml.md': `---\ndescription: ${repeat('very long ', 10_000)}\n---\n# Large YAML\n`,
    'large-toml.md': `+++\n${Array.from({ length: 10_000 }, (_, index) => `key${index} = "value"`).join('\n')}\n+++\n# Large TOML\n`,
    'many-capsules.md': manyCapsules(100_000),
  };
  for (const [name, make] of Object.entries(pathological)) files[`pathological-${name}.md`] = make();
  return files;
}

/** Write `bytes` bytes of Markdown-looking text without holding them in memory. */
export async function writeHugeFile(path: string, bytes: number): Promise<void> {
  const line = `${repeat('All work and no play makes a very large document. ', 19)}\n`;
  const block = repeat(line, 1024);
  const stream = createWriteStream(path);
  for (let written = 0; written < bytes; written += block.length) {
    if (!stream.write(block.slice(0, Math.min(block.length, bytes - written)))) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

/** The size of the huge file: far over the default 2 MiB limit. */
export const hugeFileBytes = 50 * 1024 * 1024;

/**
 * Write the whole hostile corpus (committed and generated files) into `folder`, with the
 * 50 MB file when `huge` is set. Returns the names of the documents written.
 */
export async function writeHostileCorpus(folder: string, options: { huge?: boolean } = {}): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  await cp(fixturesFolder, folder, { recursive: true, filter: (source) => !source.endsWith('.mjs') });
  const generated = await generatedFixtures();
  for (const [name, text] of Object.entries(generated)) await writeFile(join(folder, name), text);
  if (options.huge) await writeHugeFile(join(folder, 'huge.md'), hugeFileBytes);
  return (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder, ...flags] = process.argv.slice(2);
  if (!folder) {
    process.stderr.write('usage: make-fixtures <folder> [--huge]\n');
    process.exitCode = 2;
  } else {
    const names = await writeHostileCorpus(resolve(folder), { huge: flags.includes('--huge') });
    process.stdout.write(`${names.length} documents in ${folder}\n`);
  }
}
