/**
 * The edits a move makes to an MkDocs configuration's `nav`, whose pages are paths relative
 * to its `docs_dir`. Only the scalars naming a moved page change, each written in its own
 * style (plain, single- or double-quoted), so the file's layout and comments stay as they
 * were. Pure: the caller reads the file.
 */
import { posix } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';

/** MkDocs's configuration file, and those of its forks and of sites with several configurations. */
export const mkdocsConfigPattern = /^(?:(.*)\/)?(?:mkdocs|properdocs)(?:[-.][\w.-]+)?\.ya?ml$/;

export interface NavEdit {
  start: number;
  end: number;
  text: string;
}

/** A page of the `nav` moved out of `docs_dir`, where MkDocs cannot list it. */
export interface NavLeft {
  start: number;
  written: string;
}

/**
 * The edits to `text`, the configuration at `configPath` (root-relative), that keep its `nav`
 * naming each page after `placeAfter` moves it. None when the file is not valid YAML or has no `nav`.
 */
export function mkdocsNavEdits(configPath: string, text: string, placeAfter: (path: string) => string): { edits: NavEdit[]; left: NavLeft[] } {
  const edits: NavEdit[] = [];
  const left: NavLeft[] = [];
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return { edits, left };
  const docsDir = document.get('docs_dir');
  const content = posix.normalize(posix.join(posix.dirname(configPath), typeof docsDir === 'string' ? docsDir : 'docs'));
  const visit = (node: unknown): void => {
    if (isSeq(node)) for (const item of node.items) visit(item);
    // `- Title: page.md` or `- Section: [...]`: the value is a page or a list of them.
    else if (isMap(node)) for (const pair of node.items) visit(pair.value);
    else if (isScalar(node)) {
      const edit = scalarEdit(node, content, placeAfter);
      if (edit && 'text' in edit) edits.push(edit);
      else if (edit) left.push(edit);
    }
  };
  visit(document.get('nav', true));
  return { edits, left };
}

function scalarEdit(node: Scalar, content: string, placeAfter: (path: string) => string): NavEdit | NavLeft | undefined {
  const { value, range, type } = node;
  // A link to elsewhere (`https://…`, `/about/`) or a block scalar is left as written.
  if (typeof value !== 'string' || range === undefined || range === null || /^[a-z][a-z0-9+.-]*:|^\//i.test(value)) return undefined;
  if (type !== Scalar.PLAIN && type !== Scalar.QUOTE_DOUBLE && type !== Scalar.QUOTE_SINGLE) return undefined;
  const path = posix.normalize(posix.join(content, value.replace(/^\.\//, '')));
  if (path.startsWith('../')) return undefined;
  const after = placeAfter(path);
  if (after === path) return undefined;
  if (!after.startsWith(`${content}/`)) return { start: range[0], written: value };
  // The form it was written in stays: a leading `./`, a trailing `/` naming a section's folder.
  const written = (value.startsWith('./') ? './' : '') + posix.relative(content, after) + (value.endsWith('/') ? '/' : '');
  return { start: range[0], end: range[1], text: styled(written, type) };
}

/** `value` in the scalar style it was written in, quoted when a plain scalar could not hold it. */
function styled(value: string, type: Scalar.Type): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.PLAIN && /^[\w.][\w./-]*$/.test(value)) return value;
  return JSON.stringify(value);
}
