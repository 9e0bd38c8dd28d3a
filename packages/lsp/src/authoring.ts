/**
 * Completion while a document is written: Depth keys in a capsule's Depth list, and
 * frontmatter keys and values from the JSON Schema that applies to the document. Read from
 * the editor's text as it is now, since the graph lags behind the typing by the debounce.
 */
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';

export interface AuthoringContext {
  /** The keys a Depth list uses, spelled as the corpus spells them. */
  depthKeys: readonly string[];
  /** The frontmatter schema that applies to the document, if any. */
  schema: object | undefined;
}

const frontmatterFence = /^---\s*$/;
const frontmatterEnd = /^(?:---|\.\.\.)\s*$/;
const headingOrBreak = /^\s{0,3}(?:#{1,6}(?:\s|$)|(?:[-*_]\s*){3,}$)/;
const partLabel = /^\s*(?:\*\*|__)(Invariant|Example|Depth)(?:\*\*|__)\s*:?/i;
const depthBullet = /^(\s*[-*+]\s+)([A-Za-z][A-Za-z -]*)?$/;

/** Completions for the position, or undefined when it is neither in frontmatter nor at a Depth key. */
export function authoringCompletions(text: string, position: Position, context: AuthoringContext): CompletionItem[] | undefined {
  const lines = text.split(/\r?\n/);
  const line = lines[position.line];
  if (line === undefined) return undefined;
  const before = line.slice(0, position.character);
  if (inFrontmatter(lines, position.line)) return context.schema ? frontmatterCompletions(lines, position, before, context.schema) : [];
  const bullet = depthBullet.exec(before);
  if (bullet && inDepth(lines, position.line)) {
    const range = replacing(position, bullet[1]!.length);
    return context.depthKeys.map((key) => ({
      label: key,
      kind: CompletionItemKind.Keyword,
      detail: 'Depth key',
      textEdit: { range, newText: `${key}: ` },
    }));
  }
  return undefined;
}

/** The frontmatter opens on the first line; the position sits before its closing fence, or it is not closed yet. */
function inFrontmatter(lines: string[], line: number): boolean {
  if (line === 0 || !frontmatterFence.test(lines[0] ?? '')) return false;
  for (let index = 1; index < line; index++) if (frontmatterEnd.test(lines[index]!)) return false;
  return !frontmatterEnd.test(lines[line]!);
}

/** Above the line, within its section, the nearest part label is **Depth**. */
function inDepth(lines: string[], line: number): boolean {
  for (let index = line - 1; index >= 0; index--) {
    const text = lines[index]!;
    if (headingOrBreak.test(text)) return false;
    const label = partLabel.exec(text);
    if (label) return label[1]!.toLowerCase() === 'depth';
  }
  return false;
}

function replacing(position: Position, from: number): Range {
  return { start: { line: position.line, character: from }, end: position };
}

type SchemaNode = Record<string, unknown>;

function propertiesOf(schema: object): Record<string, SchemaNode> {
  const properties = (schema as SchemaNode)['properties'];
  return properties !== null && typeof properties === 'object' ? (properties as Record<string, SchemaNode>) : {};
}

function frontmatterCompletions(lines: string[], position: Position, before: string, schema: object): CompletionItem[] {
  const properties = propertiesOf(schema);
  // A key being typed at the start of a line: the schema's keys the frontmatter lacks.
  const key = /^[A-Za-z_][\w-]*$|^$/.exec(before);
  if (key) {
    const present = new Set(lines.slice(1).map((text) => /^([^\s:#][^:]*):/.exec(text)?.[1]?.trim()).filter((name) => name !== undefined));
    const required = new Set(((schema as SchemaNode)['required'] as string[] | undefined) ?? []);
    return Object.entries(properties)
      .filter(([name]) => !present.has(name))
      .map(([name, property]) => ({
        label: name,
        kind: CompletionItemKind.Property,
        detail: required.has(name) ? 'required' : 'optional',
        ...(typeof property['description'] === 'string' ? { documentation: property['description'] } : {}),
        textEdit: { range: replacing(position, 0), newText: `${name}: ` },
      }));
  }
  // A value after `key:`, maybe inside a flow list, or a block list item under the key.
  const inline = /^([^\s:#][^:]*):\s*(?:\[(?:[^\]]*,\s*)?)?([^\s,[\]]*)$/.exec(before);
  const item = /^\s+-\s+([^\s]*)$/.exec(before);
  const name = inline ? inline[1]!.trim() : item ? parentKey(lines, position.line) : undefined;
  const property = name === undefined ? undefined : properties[name];
  if (!property) return [];
  const typed = inline ? inline[2]! : item![1]!;
  const range = replacing(position, before.length - typed.length);
  const inList = Boolean(item) || before.includes('[');
  const items = property['items'] as SchemaNode | undefined;
  const itemValues = items ? valuesOf(items) : [];
  // A list's value written right after the key starts the flow list it needs.
  const values = inList ? itemValues.map((value) => [value, value]) : itemValues.length > 0 ? itemValues.map((value) => [value, `[${value}]`]) : valuesOf(property).map((value) => [value, value]);
  return values.map(([label, newText]) => ({
    label: label!,
    kind: CompletionItemKind.EnumMember,
    detail: name,
    textEdit: { range, newText: newText! },
  }));
}

/** The key of the block a list item belongs to: the nearest unindented line above. */
function parentKey(lines: string[], line: number): string | undefined {
  for (let index = line - 1; index > 0; index--) {
    const text = lines[index]!;
    if (/^\S/.test(text)) return /^([^\s:#][^:]*):\s*$/.exec(text)?.[1]?.trim();
  }
  return undefined;
}

/** The values a schema allows: its enum, its constant, or true and false. */
function valuesOf(node: SchemaNode): string[] {
  if (Array.isArray(node['enum'])) return node['enum'].map(String);
  if ('const' in node) return [String(node['const'])];
  const types = Array.isArray(node['type']) ? node['type'] : [node['type']];
  return types.includes('boolean') ? ['true', 'false'] : [];
}
