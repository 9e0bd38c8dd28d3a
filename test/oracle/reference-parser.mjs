/**
 * The reference for the differential test: stock remark-parse with the extensions the capsule
 * parser enables (YAML and TOML frontmatter, GFM tables and task-list items), run in its own process.
 * It imports nothing from this repository, so nothing the capsule parser does to its
 * dependencies or its input can reach it. The packages are resolved from remark-capsules'
 * own dependencies: the very versions it runs.
 *
 * Protocol: a JSON array of texts on stdin; a JSON array of their mdast trees on stdout.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromPackage = createRequire(new URL('../../packages/remark-capsules/package.json', import.meta.url));
const load = async (name) => import(pathToFileURL(fromPackage.resolve(name)).href);

const { unified } = await load('unified');
const { default: remarkParse } = await load('remark-parse');
const { default: remarkFrontmatter } = await load('remark-frontmatter');
const { gfmTable } = await load('micromark-extension-gfm-table');
const { gfmTaskListItem } = await load('micromark-extension-gfm-task-list-item');
const { gfmTableFromMarkdown } = await load('mdast-util-gfm-table');
const { gfmTaskListItemFromMarkdown } = await load('mdast-util-gfm-task-list-item');

function stockSyntax() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(stockSyntax).freeze();

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const texts = JSON.parse(input);
process.stdout.write(JSON.stringify(texts.map((text) => processor.parse(text))));
