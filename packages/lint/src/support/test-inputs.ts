/** Documents made up for a test, whose mistakes are there on purpose. */
import type { KnowledgeGraph } from '@capsule-docs/graph';
import { isInTestFolder, isTestFixture } from 'remark-capsules';

/**
 * Whether the document at `path` is a test's input: in a folder of tests, beside the
 * `__snapshots__/` folder Jest and Vitest keep a test's snapshots in. A formatter's or a
 * parser's tests read each file there and compare what they make of it with the snapshot;
 * its links and its frontmatter are made up to test with (`[hello](#world)`, a YAML list for
 * a frontmatter). A page beside snapshots outside a test folder (a component's `README.md`)
 * is read as any other.
 */
export function isSnapshotTestInput(path: string, graph: KnowledgeGraph): boolean {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return isInTestFolder(path) && graph.exists(folder === '' ? '__snapshots__' : `${folder}/__snapshots__`);
}

/** Whether the document at `path` was made up for a test: a fixture, or an input beside snapshots. */
export function isMadeUpForTest(path: string, graph: KnowledgeGraph): boolean {
  return isTestFixture(path) || isSnapshotTestInput(path, graph);
}
