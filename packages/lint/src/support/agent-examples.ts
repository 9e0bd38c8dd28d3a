/** Examples an agent's skill or plugin keeps: documents of the projects it imagines. */
import type { KnowledgeGraph } from '@capsule-docs/graph';

/** A file of examples by its name: `examples.md`, `EXAMPLE.md`, `ORGANIZED-STRUCTURE-EXAMPLE.md`, `api_example.md`. */
const examplesFile = /(?:^|[-_.])examples?\.(?:md|markdown|mdx)$/i;

/**
 * Whether the document at `path` is one of the examples an agent's skill or plugin keeps: in
 * an `examples/` folder, or a file of examples by its name (`examples.md`,
 * `ORGANIZED-STRUCTURE-EXAMPLE.md`), within a skill (a folder holding `SKILL.md`) or a Claude
 * Code plugin (one holding `.claude-plugin/plugin.json`). They show the agent what to write
 * for a project: an `AGENTS.md` of another team's repository, a page of docs it imagines,
 * linking files those projects have (`backend/AGENTS.md`, `./advanced-topic.md`). A skill of
 * its own kept under a top `examples/` folder is no example of an imagined project: its
 * files are there.
 */
export function isAgentExample(path: string, graph: KnowledgeGraph): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? path;
  // The folders above the examples: those of the `examples/` folder nearest the top, else the file's own.
  const examples = parts.findIndex((folder) => folder.toLowerCase() === 'examples');
  const above = examples >= 0 ? parts.slice(0, examples) : examplesFile.test(name) ? parts : undefined;
  if (above === undefined) return false;
  for (let depth = above.length; depth >= 0; depth--) {
    const folder = above.slice(0, depth).join('/');
    const prefix = folder === '' ? '' : `${folder}/`;
    if (graph.files.has(`${prefix}SKILL.md`) || graph.files.has(`${prefix}.claude-plugin/plugin.json`)) return true;
  }
  return false;
}
