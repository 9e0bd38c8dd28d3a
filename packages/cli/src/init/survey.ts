/**
 * What `capsule init` finds in a repository: the documents holding capsules (as the corpus
 * loader lists and parses them, dot-folders included), the frontmatter convention each
 * follows, and the `include` globs and schema mapping that read exactly those.
 */
import { loadGraph, type CorpusDocument, type KnowledgeGraph } from '@capsule-docs/graph';
import { claimsCapsuleFields, isSkillFile } from '@capsule-docs/lint';

/** `capsule`: capsule frontmatter (`tags`, `categories`, `audience`); `skill`: an agent skill's `SKILL.md`. */
export type Convention = 'capsule' | 'skill' | 'none';

export interface SurveyedDocument {
  path: string;
  capsules: number;
  convention: Convention;
}

export interface SchemaMapping {
  glob: string;
  convention: Exclude<Convention, 'none'>;
}

export interface Survey {
  /** The documents holding capsules, in path order. */
  documents: SurveyedDocument[];
  /** Root-level documents by path, every other folder as `folder/**\/*.md` (globs, special characters escaped). */
  include: string[];
  /** Only where every document the glob matches follows the convention, so none is judged by a schema it never meant to follow. */
  schemas: SchemaMapping[];
}

/** Survey the repository at `root`, honouring its `.gitignore`. */
export async function surveyRepository(root: string): Promise<Survey> {
  const { graph } = await loadGraph({ root, repositoryRoot: root });
  return surveyGraph(graph);
}

export function surveyGraph(graph: KnowledgeGraph): Survey {
  const documents = graph.documents
    .filter((document) => document.model.capsules.length > 0)
    .map((document) => ({ path: document.path, capsules: document.model.capsules.length, convention: conventionOf(document) }));
  const entries = includeEntries(documents.map((document) => document.path));
  const conventions = new Map(graph.documents.map((document) => [document.path, conventionOf(document)]));
  const schemas: SchemaMapping[] = [];
  for (const entry of entries) {
    const matches = (path: string) => (entry.folder ? path.startsWith(`${entry.path}/`) : path === entry.path);
    const matched = graph.documents.filter((document) => matches(document.path));
    if (matched.every((document) => conventions.get(document.path) === 'capsule')) {
      schemas.push({ glob: globOf(entry), convention: 'capsule' });
      continue;
    }
    const skills = matched.filter((document) => isSkillFile(document.path));
    const holdsSkillCapsules = documents.some((document) => matches(document.path) && document.convention === 'skill');
    if (entry.folder && holdsSkillCapsules && skills.every((document) => conventions.get(document.path) === 'skill')) {
      schemas.push({ glob: `${escapeGlob(entry.path)}/**/SKILL.md`, convention: 'skill' });
    }
  }
  return { documents, include: entries.map(globOf), schemas };
}

/** Which frontmatter convention a document follows. */
export function conventionOf(document: CorpusDocument): Convention {
  if (isSkillFile(document.path)) return document.model.frontmatter ? 'skill' : 'none';
  return claimsCapsuleFields(document) ? 'capsule' : 'none';
}

interface IncludeEntry {
  path: string;
  /** A folder, read whole; otherwise one document. */
  folder: boolean;
}

/** Root-level documents one by one; each other folder whole, unless a folder above it is in already. */
function includeEntries(paths: string[]): IncludeEntry[] {
  const folders = [...new Set(paths.filter((path) => path.includes('/')).map((path) => path.slice(0, path.lastIndexOf('/'))))].sort();
  const kept: string[] = [];
  for (const folder of folders) if (!kept.some((above) => folder.startsWith(`${above}/`))) kept.push(folder);
  return [...paths.filter((path) => !path.includes('/')).sort().map((path) => ({ path, folder: false })), ...kept.map((path) => ({ path, folder: true }))];
}

function globOf(entry: IncludeEntry): string {
  return entry.folder ? `${escapeGlob(entry.path)}/**/*.md` : escapeGlob(entry.path);
}

/** A path as a glob that matches only itself: the characters globs give a meaning escaped. */
function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@]/g, '\\$&');
}
