/**
 * The baseline every figure is divided by: a plain, single-threaded remark-parse +
 * remark-frontmatter parse of every Markdown file in a folder, nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

function* markdownFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: baseline <folder>\n');
  process.exit(2);
}
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
for (const file of markdownFiles(folder)) nodes += processor.parse(readFileSync(file, 'utf8')).children.length;
process.stdout.write(`${nodes}\n`);
