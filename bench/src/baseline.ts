/**
 * The baseline every figure is divided by: a plain, single-threaded remark-parse +
 * remark-frontmatter parse of every Markdown file in a folder, nothing else. With
 * `--syntax capsule` it adds the two GFM extensions capsule documents use (tables and task
 * lists); with `--syntax gfm`, all of GFM: the difference is what enabling only what the
 * format needs saves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { remarkCapsuleSyntax } from 'remark-capsules';
import { unified } from 'unified';
import { parseArgs } from 'node:util';

function* markdownFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

const { values, positionals } = parseArgs({ options: { syntax: { type: 'string', default: 'plain' } }, allowPositionals: true });
const folder = positionals[0];
if (!folder) {
  process.stderr.write('usage: baseline [--syntax plain|capsule|gfm] <folder>\n');
  process.exit(2);
}
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
if (values.syntax === 'capsule') processor.use(remarkCapsuleSyntax);
else if (values.syntax === 'gfm') processor.use(remarkGfm);
let nodes = 0;
for (const file of markdownFiles(folder)) nodes += processor.parse(readFileSync(file, 'utf8')).children.length;
process.stdout.write(`${nodes}\n`);
