/**
 * SeeAlso values: split the written list into references and judge each target's kind from
 * its text. Works on the raw source so that every reference keeps its exact place.
 */
import type { Reference, ReferenceKind } from './model.js';
import { collapseWhitespace, type Source } from './source.js';

/** Split `raw` (which starts at `offset` in the file) into references. */
export function readReferences(raw: string, offset: number, source: Source): Reference[] {
  const references: Reference[] = [];
  for (const segment of splitTopLevel(raw)) {
    const leading = segment.text.length - segment.text.trimStart().length;
    let written = segment.text.trim();
    // A trailing period or semicolon closes the sentence; it is not part of the name.
    written = written.replace(/[.;]+$/, '').trimEnd();
    if (written === '') continue;
    const start = offset + segment.start + leading;
    references.push(classify(written, source.span(start, start + written.length)));
  }
  return references;
}

function classify(raw: string, position: Reference['position']): Reference {
  let body = raw;
  let qualifier: string | undefined;
  const qualified = /^(.*?)\s*\(\s*in\s+([^()]+?)\s*\)$/i.exec(body);
  if (qualified) {
    body = qualified[1] ?? '';
    qualifier = collapseWhitespace(stripCode(qualified[2] ?? ''));
  }

  const link = /^\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)$/.exec(body);
  const autolink = /^<([a-z][a-z0-9+.-]*:[^>\s]*)>$/i.exec(body);
  // A reference may wrap onto the next line; its target reads as one line either way.
  let target = collapseWhitespace(link ? (link[2] ?? '') : autolink ? (autolink[1] ?? '') : stripCode(body));
  const kind = kindOf(target);
  let anchor: string | undefined;
  if (kind === 'document') {
    const hash = target.indexOf('#');
    if (hash !== -1) {
      anchor = target.slice(hash + 1);
      target = target.slice(0, hash);
    }
  }
  return { raw, target, qualifier, anchor, kind, position };
}

/** Judge a target from its text alone; the graph decides whether it resolves. */
export function kindOf(target: string): ReferenceKind {
  if (/\s/.test(target) || target === '') return 'text';
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return 'url';
  if (/[/\\]/.test(target) || /\.(md|mdx|markdown)(#.*)?$/i.test(target)) return 'document';
  return 'capsule';
}

/** Remove inline-code and strong/emphasis markers wrapped around a name. */
function stripCode(text: string): string {
  return text.trim().replace(/^(`+|\*\*|__)\s*/, '').replace(/\s*(`+|\*\*|__)$/, '').trim();
}

/** Split on commas that are not inside backticks, parentheses or brackets. */
function splitTopLevel(text: string): { text: string; start: number }[] {
  const segments: { text: string; start: number }[] = [];
  let depth = 0;
  let inCode = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '`') inCode = !inCode;
    else if (inCode) continue;
    else if (character === '(' || character === '[') depth++;
    else if ((character === ')' || character === ']') && depth > 0) depth--;
    else if (character === ',' && depth === 0) {
      segments.push({ text: text.slice(start, index), start });
      start = index + 1;
    }
  }
  segments.push({ text: text.slice(start), start });
  return segments;
}
