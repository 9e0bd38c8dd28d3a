/**
 * Frontmatter: YAML parsed with the `yaml` package, keeping every key's place in file
 * coordinates. Data is rebuilt from the YAML syntax tree on null-prototype objects, so no
 * key (`__proto__` included) can reach a prototype, and aliases are refused outright:
 * frontmatter never needs them and they are the vector of alias bombs. Frontmatter that is
 * very large or nests very deep is reported and not parsed: the YAML parser's time grows
 * faster than the text there, and it recurses once per level. Flat frontmatter, a column of
 * keys with simple values, is read without the parser (flat-frontmatter.ts).
 */
import type { Yaml } from 'mdast';
import type { Toml } from './toml-node.js';
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Frontmatter, FrontmatterField, Span } from './model.js';
import type { Report } from './report.js';
import { frontmatterAt } from './frontmatter-fence.js';
import { readFlatYaml } from './flat-frontmatter.js';
import type { SourceText } from './source-text.js';

/** Keys that would be dangerous if the data ever reached a plain object. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The most frontmatter parsed, in characters: real frontmatter is a few hundred. */
export const maxFrontmatterLength = 64 * 1024;
/** The deepest nesting of collections parsed: real frontmatter nests two or three levels. */
export const maxFrontmatterDepth = 64;

/** Read the frontmatter node of a document. */
export function readFrontmatter(node: Yaml, source: SourceText, report: Report, options: FrontmatterOptions = {}): Frontmatter {
  const content = contentOf(node, source);
  const frontmatter: Frontmatter = { raw: content.raw, data: undefined, fields: [], position: source.spanOf(node) };
  if (content.raw.trim() === '') return frontmatter;
  const globs = options.unquotedGlobs ? unquotedGlobs(content.raw) : undefined;
  // The value is read as text; YAML sees letters of the same length in its place, so every offset holds.
  const read = globs ? { ...content, raw: content.raw.slice(0, globs.offset) + 'g'.repeat(globs.value.length) + content.raw.slice(globs.offset + globs.value.length) } : content;
  // Most frontmatter is flat, and reading it so costs a small part of the YAML parser's time.
  const flat = read.raw.length <= maxFrontmatterLength ? readFlatYaml(read.raw) : undefined;
  if (flat) {
    const data: Record<string, unknown> = Object.create(null);
    for (const pair of flat) data[pair.key] = pair.value;
    if (globs && typeof data['globs'] === 'string') data['globs'] = globs.value;
    frontmatter.data = data;
    frontmatter.fields = flat.map((pair) => ({
      key: pair.key,
      value: data[pair.key],
      keyPosition: content.span(pair.keyRange),
      valuePosition: content.span(pair.valueRange),
      itemPositions: pair.itemRanges.map((range) => content.span(range)),
    }));
    return frontmatter;
  }
  const mapping = parsedMapping(read, source, report, options.unquotedGlobs === true);
  if (!mapping) return frontmatter;
  const data = dataOf(mapping, content.span, report, read.raw) as Record<string, unknown>;
  if (globs && typeof data['globs'] === 'string') data['globs'] = globs.value;
  frontmatter.data = data;
  frontmatter.fields = fieldsOf(mapping, data, content.span);
  return frontmatter;
}

export interface FrontmatterOptions {
  /**
   * Read a top-level `globs: *.ts,*.tsx` as its text, as the agent editors whose rules files
   * hold it do (they write it so); YAML would take the `*` for an alias.
   */
  unquotedGlobs?: boolean;
}

/** The unquoted value of a top-level `globs:` line that starts as YAML cannot read plain (`*.md`), and where it starts. */
function unquotedGlobs(yaml: string): { value: string; offset: number } | undefined {
  const line = /^globs[ \t]*:[ \t]*(?=[*&!%@`|>])([^\r\n]*?)[ \t]*$/m.exec(yaml);
  return line ? { value: line[1]!, offset: line.index + line[0].length - line[0].replace(/^globs[ \t]*:[ \t]*/, '').length } : undefined;
}

/** The YAML between the fences, where it starts, and how a yaml range in it becomes a place in the file. */
export interface FrontmatterContent {
  raw: string;
  nodeStart: number;
  contentStart: number;
  span: (range: readonly number[] | null | undefined) => Span;
}

export function contentOf(node: Yaml | Toml, source: SourceText): FrontmatterContent {
  const nodeStart = source.startOf(node);
  const nodeEnd = source.endOf(node);
  // The content runs from after the opening fence's line to the start of the closing fence's
  // line; either fence may carry trailing whitespace, and lines may end in LF, CRLF or CR.
  const breaks = [...source.slice(nodeStart, nodeEnd).matchAll(/\r\n|\r|\n/g)];
  const lineEnd = (match: RegExpMatchArray | undefined) =>
    match ? nodeStart + (match.index ?? 0) + match[0].length : nodeEnd;
  const contentStart = lineEnd(breaks[0]);
  const contentEnd = Math.max(contentStart, lineEnd(breaks.at(-1)));
  const raw = source.slice(contentStart, contentEnd);
  // yaml's ranges of block values run through the line break after them; a place ends at the
  // value's last character instead, not at the start of the next line.
  const span = (range: readonly number[] | null | undefined): Span => {
    if (!range) return source.spanOf(node);
    const start = range[0] ?? 0;
    let end = range[1] ?? start;
    while (end > start && /\s/.test(raw[end - 1] ?? '')) end--;
    return source.span(contentStart + start, contentStart + end);
  };
  return { raw, nodeStart, contentStart, span };
}

/**
 * Frontmatter opened and never closed: remark-frontmatter, like GitHub, then reads the opening
 * `---` as a rule and the keys as Markdown, and the document has no frontmatter at all. Told
 * only when the lines after the fence read as YAML keys (two of them, or one before a line
 * of dashes meant to close them), not for a document that opens with a thematic break.
 */
export function reportUnclosedFrontmatter(source: SourceText, report: Report): void {
  // Told for YAML fences only: an unclosed `+++` is text, which no writer takes for a break.
  const opened = frontmatterAt(source.text);
  if (opened?.kind !== 'yaml' || opened.closed) return;
  if (reportDotsCloser(source, report)) return;
  const lines = source.text.split(/\r\n|\r|\n/, 40);
  let keys = 0;
  let overrun: number | undefined;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^ {0,3}-{3,}[ \t]*$/.test(line)) {
      overrun = index;
      break;
    }
    if (line.trim() === '') break;
    if (/^[A-Za-z_][\w.-]*:(?:[ \t]|$)/.test(line)) keys++;
    else if (!/^(?:[ \t]|- )/.test(line)) return;
  }
  if (keys === 0 || (keys < 2 && overrun === undefined)) return;
  const [why, mend] =
    overrun === undefined
      ? ['no line of three dashes ends it', 'end it with a line of `---`']
      : [`the \`${lines[overrun]!.trim()}\` on line ${overrun + 1} does not end it, as only a line of three dashes does`, `make line ${overrun + 1} \`---\``];
  report(
    `Frontmatter is never closed: ${why}, so its keys are read as Markdown and the document has no frontmatter; ${mend}`,
    source.span(0, lines[0]!.length),
    'frontmatter-unclosed',
  );
}

/**
 * Frontmatter ended by `...`, YAML's end of a document: pandoc's metadata blocks and Jekyll's
 * front matter end so, but GitHub and remark-frontmatter take only `---`, so its keys are
 * read as Markdown there. Told at that line, with the fix every reader takes, when the line
 * after the opening fence is a key and no line before the `...` leaves the YAML (an
 * unindented line that is neither a key nor an item, as a heading or prose is).
 */
function reportDotsCloser(source: SourceText, report: Report): boolean {
  const key = /^[A-Za-z_][\w.-]*:(?:[ \t]|$)/;
  const lineAt = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let index = 0;
  for (const match of source.text.matchAll(lineAt)) {
    const line = match[0].replace(/[\r\n]+$/, '');
    index++;
    if (index === 1) continue;
    if (index === 2 && !key.test(line)) return false;
    if (/^\.\.\.[ \t]*$/.test(line)) {
      report(
        `Frontmatter ends with \`...\` on line ${index}, as pandoc and Jekyll allow, but GitHub and this check take only \`---\`: for them it is never closed, its keys are read as Markdown and the document has no frontmatter; make line ${index} \`---\`, which pandoc and Jekyll read too`,
        source.span(match.index, match.index + line.trimEnd().length),
        'frontmatter-unclosed',
      );
      return true;
    }
    // A line that leaves the YAML (a heading, prose) ends the search: the `...` further on is no closer.
    if (line.trim() !== '' && !/^(?:[ \t]|- )/.test(line) && !key.test(line)) return false;
    if (index >= 400 || match[0] === '') return false;
  }
  return false;
}

/**
 * The first line of a merge conflict's markers (`<<<<<<< HEAD`, `=======`, `>>>>>>> main`), as
 * git writes them into a file it could not merge, and its offset.
 */
function conflictMarker(yaml: string): { line: string; offset: number } | undefined {
  const marker = /^(?:<{7}|>{7})(?:[ \t].*)?$|^={7}[ \t]*$/m.exec(yaml);
  return marker ? { line: marker[0].trimEnd(), offset: marker.index } : undefined;
}

/**
 * The frontmatter's top mapping; undefined, with a finding, when the text is too large or
 * nests too deep to parse, is not valid YAML, repeats a key, or is not a mapping.
 */
function parsedMapping({ raw, nodeStart, contentStart, span }: FrontmatterContent, source: SourceText, report: Report, editorRule = false): YAMLMap | undefined {
  if (raw.length > maxFrontmatterLength) {
    report(
      `Frontmatter is ${Math.ceil(raw.length / 1024)} KiB, over the ${maxFrontmatterLength / 1024} KiB read; it was not parsed. Keep it to the fields a document needs`,
      source.span(nodeStart, contentStart),
      'frontmatter-too-large',
    );
    return undefined;
  }
  // YAML does not break lines at a lone CR; an LF in its place keeps every offset.
  const yaml = raw.replace(/\r(?!\n)/g, '\n');
  const tooDeep = depthExceeded(yaml, maxFrontmatterDepth);
  if (tooDeep !== undefined) {
    report(`Frontmatter nests deeper than ${maxFrontmatterDepth} levels; it was not parsed`, span([tooDeep, tooDeep + 1]), 'yaml-depth');
    return undefined;
  }

  // Keys are checked for repeats here rather than by the parser, whose check compares each
  // key with every other.
  const document = parseDocument(yaml, { uniqueKeys: false, prettyErrors: false, strict: true });
  // The first error only: the later ones mostly follow from it (an agent's description holding
  // `Context: … user: "…" assistant: "…"` gives one per colon), and the data is not read anyway.
  const [error] = document.errors;
  const allRepeated = repeatedKeys(document);
  const overrun = error ? overrunFence(yaml, error.pos[0]) : undefined;
  const conflict = error ? conflictMarker(yaml) : undefined;
  if (conflict) {
    report(
      `Frontmatter is not valid YAML: it holds the markers of a merge conflict (\`${conflict.line}\` on line ${source.point(contentStart + conflict.offset).line}), committed before the conflict was resolved; keep the lines of one side and delete the markers`,
      span([conflict.offset, conflict.offset + conflict.line.length]),
      'yaml-syntax',
    );
  } else if (overrun) {
    const fenceLine = source.point(contentStart + overrun.offset).line;
    const closingLine = source.point(contentStart + raw.length).line;
    report(
      `Frontmatter is not valid YAML: the \`${overrun.line.trim()}\` on line ${fenceLine} does not end the frontmatter, as only a line of three dashes does, so it runs on to line ${closingLine} and the lines between are read as YAML; make line ${fenceLine} \`---\``,
      span([overrun.offset, overrun.offset + overrun.line.length]),
      'yaml-syntax',
    );
  } else if (error) {
    const colon = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? colonInPlainValue(yaml, error.pos[0]) : undefined;
    const item = error.code === 'BAD_SCALAR_START' ? reservedItem(yaml, error.pos[0]) : undefined;
    const opening = item
      ? undefined
      : error.code === 'UNEXPECTED_TOKEN' || error.code === 'BAD_SCALAR_START'
        ? valueOpening(yaml, error.pos[0])
        : error.code === 'MISSING_CHAR'
          ? closedBracketOpening(yaml, error.pos[0])
          : undefined;
    if (item) {
      report(
        `Frontmatter is not valid YAML: the item \`${item.text}\` starts with \`${item.text[0]}\`, which YAML reserves; put that item in quotes`,
        span([item.offset, item.offset + 1]),
        'yaml-syntax',
      );
    } else if (colon) {
      // In a list item, text before the first colon (`- Any change: …`) only became a key by that
      // colon; a name there (`- commit_count: …`) was meant as the key of a mapping.
      const itemText = colon.inListItem && !identifierKey.test(colon.key);
      const holder = itemText ? 'this list item' : `the value of \`${colon.key}\``;
      // Its text going on over lines YAML reads as keys of their own: quotes on this line alone do not mend it.
      const runsOn = !colon.inListItem && allRepeated.some((repeat) => repeat.prose && (repeat.range[0] ?? 0) > colon.offset);
      const mend = runsOn
        ? `, and its lines below go on with it but read as keys of their own; write it as a block (\`${colon.key}: |\`) with every line of it indented under the key`
        : `; put ${itemText ? 'the item' : 'the value'} in quotes`;
      report(
        `Frontmatter is not valid YAML: ${holder} holds a colon followed by a space, which YAML reads as the start of another key${mend}`,
        span([colon.offset, colon.offset + 1]),
        'yaml-syntax',
      );
    } else if (opening) {
      report(`Frontmatter is not valid YAML: ${openingMessage(opening, yaml, editorRule)}`, span([opening.offset, opening.offset + 1]), 'yaml-syntax');
    } else {
      // Keys repeated above it may show the value whose lines run on: that is the key to name.
      const runOn = allRepeated.find((repeat) => repeat.valueBefore && (repeat.range[0] ?? 0) < error.pos[0])?.valueBefore?.key;
      // A line of text among the keys is told over that line, which YAML's own place for it does not cover with CRLF line endings.
      const lineStart = yaml.lastIndexOf('\n', error.pos[0] - 1) + 1;
      const lineEnd = yaml.slice(lineStart).search(/\r?\n|$/) + lineStart;
      const textLine = error.code === 'MULTILINE_IMPLICIT_KEY' && textGoingOn(yaml, lineStart, lineEnd, runOn) !== undefined;
      report(
        `Frontmatter is not valid YAML: ${plainTrouble(yaml, error.code, error.pos[0], runOn, editorRule) ?? firstLine(error.message)}${openingRuleHint(yaml)}`,
        span(textLine ? [lineStart, lineEnd] : error.pos),
        'yaml-syntax',
      );
    }
  }
  // A key repeated after the first error most often follows from it, as its lines were misread.
  const repeated = allRepeated.filter(({ range }) => !error || (range[0] ?? 0) < error.pos[0]);
  for (const repeat of repeated) report(`Frontmatter is not valid YAML: ${repeatedKeyTrouble(repeat, span)}`, span(repeat.range), 'yaml-syntax');
  if (document.errors.length > 0 || repeated.length > 0) return undefined;

  const contents = document.contents as YamlNode | null;
  // Only comments (`# model: x`, a key put aside): empty, as `---` over `---` is.
  if (contents === null) return undefined;
  if (!isMap(contents)) {
    const fullWidth = isScalar(contents) ? fullWidthColon(yaml) : undefined;
    if (fullWidth) {
      report(`Frontmatter is not valid YAML: ${fullWidth}`, span(contents?.range), 'yaml-syntax');
      return undefined;
    }
    report(`Frontmatter must be a mapping of keys to values${openingRuleHint(yaml)}`, span(contents?.range), 'frontmatter-not-mapping');
    return undefined;
  }
  return contents;
}

/** Plain data rebuilt from the YAML tree, on null-prototype objects; keys that are not plain strings, forbidden keys and aliases are reported and left out. */
function dataOf(mapping: YAMLMap, span: FrontmatterContent['span'], report: Report, yaml: string): unknown {
  // One finding for the first alias is enough: a bomb is built from thousands of them.
  let aliasReported = false;
  const anchors = anchorsOf(mapping);
  const toData = (value: YamlNode | null | undefined): unknown => {
    if (value === null || value === undefined) return null;
    if (isAlias(value)) {
      if (!aliasReported) {
        if (anchors.has(value.source)) {
          report(
            `Frontmatter uses the YAML alias \`*${value.source}\`, valid YAML that this checker does not expand (an alias can expand without bound), so the value is not read; write it out`,
            span(value.range),
            'yaml-alias',
          );
        }
        else {
          // No anchor of that name: a glob such as `applyTo: **/*.ts` meant as text.
          report(
            `Frontmatter is not valid YAML: \`*${value.source}\` starts with \`*\`, which YAML reads as a reference to an anchor; put the value in quotes`,
            span(value.range),
            'yaml-syntax',
          );
        }
      }
      aliasReported = true;
      return undefined;
    }
    if (isScalar(value)) return value.value;
    if (isSeq(value)) return value.items.map((item) => toData(item as YamlNode));
    if (isMap(value)) {
      const object: Record<string, unknown> = Object.create(null);
      const mapStart = value.range?.[0];
      for (const pair of value.items) {
        const key = keyOf(pair.key as YamlNode | null);
        if (key === undefined) {
          // `aliases:\n  - ?`: a `?` alone opens an explicit key, here an empty one, not the text `?`.
          const keyNode = pair.key as YamlNode | null;
          const emptyKey = keyNode === null || (isScalar(keyNode) && keyNode.value === null && keyNode.range?.[0] === keyNode.range?.[1]);
          if (emptyKey && mapStart !== undefined && yaml[mapStart] === '?') {
            report('Frontmatter key is empty: a `?` alone begins a mapping key in YAML, not the text `?`; put it in quotes, `\'?\'`', span([mapStart, mapStart + 1]), 'yaml-key');
          } else report('Frontmatter keys must be plain strings', span(keyNode?.range), 'yaml-key');
          continue;
        }
        if (forbiddenKeys.has(key)) {
          report(`Frontmatter key \`${key}\` is not allowed`, span((pair.key as YamlNode).range), 'yaml-key');
          continue;
        }
        // `slug: {{title}}`: a placeholder, which YAML reads as a mapping whose key is a mapping.
        const value = pair.value as YamlNode | null;
        const written = value?.range ? yaml.slice(value.range[0], value.range[1]) : '';
        if (isMap(value) && written.startsWith('{{')) {
          report(
            `Frontmatter is not valid YAML: the value of \`${key}\` starts with \`{{\`, which YAML reads as a mapping inside a mapping, not as a placeholder; put the value in quotes`,
            span([value.range![0], value.range![0] + 1]),
            'yaml-syntax',
          );
          continue;
        }
        object[key] = toData(pair.value as YamlNode | null);
      }
      return object;
    }
    return undefined;
  };
  return toData(mapping);
}

/** The names of the anchors (`&name`) the frontmatter defines. */
function anchorsOf(mapping: YAMLMap): Set<string> {
  const anchors = new Set<string>();
  visit(mapping, {
    Node(_key, node) {
      if (node.anchor) anchors.add(node.anchor);
    },
  });
  return anchors;
}

/** Each top-level key with its value and the places of the key, the value and a list's items. */
function fieldsOf(mapping: YAMLMap, data: Record<string, unknown>, span: FrontmatterContent['span']): FrontmatterField[] {
  const fields: FrontmatterField[] = [];
  for (const pair of mapping.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = keyOf(keyNode);
    if (key === undefined || forbiddenKeys.has(key)) continue;
    const valueNode = pair.value as YamlNode | null;
    fields.push({
      key,
      value: data[key],
      keyPosition: span(keyNode?.range),
      valuePosition: valueNode ? span(valueNode.range) : span(keyNode?.range),
      itemPositions: isSeq(valueNode) ? valueNode.items.map((item) => span((item as YamlNode).range)) : [],
    });
  }
  return fields;
}

/** The range of every key that repeats an earlier key of the same mapping. */
function repeatedKeys(document: Document): RepeatedKey[] {
  const found: RepeatedKey[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, number>();
      const repeats: { key: string; range: readonly number[]; first: number; prose: boolean }[] = [];
      // How many keys before each pair are text, not names: asked between two pairs in one step.
      const textKeysBefore = [0];
      for (const pair of map.items) {
        const key = keyOf(pair.key as YamlNode | null);
        textKeysBefore.push(textKeysBefore.at(-1)! + (key !== undefined && !identifierKey.test(key) ? 1 : 0));
      }
      map.items.forEach((pair, index) => {
        const keyNode = pair.key as YamlNode | null;
        const key = keyOf(keyNode);
        if (key === undefined || !keyNode?.range) return;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, index);
          return;
        }
        // Text read as keys (`</example>\n<example>\nContext`) between the two: the lines are a value's, misread.
        const prose = textKeysBefore[index]! - textKeysBefore[first + 1]! > 0;
        repeats.push({ key, range: keyNode.range, first, prose });
      });
      // The misread lines start at the first key repeated so; the value they go on with is the pair's before it.
      const runStart = Math.min(...repeats.filter((repeat) => repeat.prose).map((repeat) => repeat.first));
      const before = Number.isFinite(runStart) && runStart > 0 ? map.items[runStart - 1] : undefined;
      const beforeKey = before && keyOf(before.key as YamlNode | null);
      const keyLike = beforeKey !== undefined && identifierKey.test(beforeKey);
      let told = false;
      for (const { key, range, first, prose } of repeats) {
        const valueBefore: RepeatedKey['valueBefore'] = prose && !told && keyLike ? { key: beforeKey, range: (before!.key as YamlNode).range! } : undefined;
        told ||= valueBefore !== undefined;
        found.push({ key, range, firstRange: (map.items[first]!.key as YamlNode).range!, prose, ...(valueBefore ? { valueBefore } : {}) });
      }
    },
  });
  return found.sort((a, b) => (a.range[0] ?? 0) - (b.range[0] ?? 0));
}

/** A key as people write keys; text read as a key (a sentence before a colon) is not one. */
const identifierKey = /^[A-Za-z_$][\w.$-]*$/;

interface RepeatedKey {
  key: string;
  range: readonly number[];
  /** Where the key is first set. */
  firstRange: readonly number[];
  /** Whether keys between the two are text (`</example>\n<example>\nContext`): the lines were a value's, misread. */
  prose: boolean;
  /** The key before the first one, when the lines from the first one on read as text: they most likely go on with its value. */
  valueBefore?: { key: string; range: readonly number[] };
}

/** Why a key may not be repeated, with where it was first set, and the value whose lines were read as keys when that is the cause. */
function repeatedKeyTrouble(repeat: RepeatedKey, span: FrontmatterContent['span']): string {
  const firstLine = span(repeat.firstRange).start.line;
  const said = `Map keys must be unique, and \`${repeat.key}\` is a key on line ${firstLine} already`;
  const before = repeat.valueBefore;
  if (!before) return said;
  return `${said}: the lines from line ${firstLine} look like text, not keys; if they go on with the value of \`${before.key}\` on line ${span(before.range).start.line}, write it as a block (\`${before.key}: |\`) with every line of it indented under the key`;
}

/**
 * Where (as an offset in `yaml`) collections first nest deeper than `limit`, or undefined.
 * Judged without parsing, from what opens a level: a line indented deeper than the lines it
 * sits under, a `- ` that opens a sequence inside a sequence item, and `[` or `{` outside
 * quotes and comments.
 */
export function depthExceeded(yaml: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  for (let lineStart = 0; lineStart < yaml.length; ) {
    const lineEnd = yaml.indexOf('\n', lineStart) === -1 ? yaml.length : yaml.indexOf('\n', lineStart);
    let index = lineStart;
    if (quote === undefined && flow === 0) {
      while (yaml[index] === ' ') index++;
      const column = index - lineStart;
      if (index < lineEnd && !/[\r#]/.test(yaml[index]!)) {
        while (indents.length > 0 && indents.at(-1)! >= column) indents.pop();
        indents.push(column);
        // `- - x`: each dash opens a sequence one level further in.
        while (yaml[index] === '-' && / /.test(yaml[index + 1] ?? '')) {
          index += 2;
          while (yaml[index] === ' ') index++;
          if (index < lineEnd) indents.push(index - lineStart);
          if (indents.length > limit) return index;
        }
        if (indents.length > limit) return index;
      }
    }
    for (; index < lineEnd; index++) {
      const character = yaml[index]!;
      if (quote !== undefined) {
        if (character === '\\' && quote === '"') index++;
        else if (character === quote && !(quote === "'" && yaml[index + 1] === "'")) quote = undefined;
        else if (character === quote) index++;
        continue;
      }
      if (character === '#' && (index === lineStart || /\s/.test(yaml[index - 1]!))) break;
      if ((character === '"' || character === "'") && startsScalar(yaml, lineStart, index)) quote = character;
      else if (character === '[' || character === '{') {
        flow++;
        if (indents.length + flow > limit) return index;
      } else if ((character === ']' || character === '}') && flow > 0) flow--;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** True when a quote at `index` opens a quoted scalar rather than sitting inside a plain one. */
function startsScalar(yaml: string, lineStart: number, index: number): boolean {
  let before = index - 1;
  while (before >= lineStart && (yaml[before] === ' ' || yaml[before] === '\t')) before--;
  return before < lineStart || /[:\-[{,?]/.test(yaml[before]!);
}

function keyOf(node: YamlNode | null): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}

/**
 * For a plain value that YAML took for a nested mapping (`description: Use it when: asked`):
 * the key it belongs to and the offset of the colon that a space follows, inside the value
 * starting at `start`. Undefined when the line is not `key: value` with such a colon.
 */
function colonInPlainValue(yaml: string, start: number): { key: string; inListItem: boolean; offset: number } | undefined {
  const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = yaml.indexOf('\n', start);
  const pair = /^[ \t]*(-[ \t]+)?([^\s:#'"][^:#]*?)[ \t]*:[ \t]+$/.exec(yaml.slice(lineStart, start));
  const colon = /:(?=[ \t]|$)/.exec(yaml.slice(start, lineEnd === -1 ? yaml.length : lineEnd));
  return pair && colon ? { key: pair[2]!, inListItem: pair[1] !== undefined, offset: start + colon.index } : undefined;
}

/**
 * An item of a list in brackets that starts with a character YAML reserves (`tags: [a,
 * %Inline, b]`): the item, not the list, needs the quotes.
 */
function reservedItem(yaml: string, at: number): { text: string; offset: number } | undefined {
  if (!'%@`'.includes(yaml[at] ?? '')) return undefined;
  const lineStart = yaml.lastIndexOf('\n', at - 1) + 1;
  if (!/[[,][ \t]*$/.test(yaml.slice(lineStart, at))) return undefined;
  const text = /^[^,\]\n]*/.exec(yaml.slice(at))![0].trimEnd();
  return { text, offset: at };
}

/** What goes wrong when a plain-looking value starts with a character YAML reads as syntax, and the quotes that mend it. */
const openingTrouble: Record<string, { trouble: string; quotes: string }> = {
  '[': { trouble: 'starts with `[`, so YAML reads a list that ends at the first `]` and finds text left over after it', quotes: 'quotes' },
  '{': { trouble: 'starts with `{`, so YAML reads a mapping that ends at the first `}` and finds text left over after it', quotes: 'quotes' },
  '"': { trouble: 'starts with a quote, so YAML reads only the quoted part and finds text left over after it', quotes: 'single quotes' },
  "'": { trouble: 'starts with a quote, so YAML reads only the quoted part and finds text left over after it', quotes: 'double quotes' },
  '@': { trouble: 'starts with `@`, which YAML reserves', quotes: 'quotes' },
  '`': { trouble: 'starts with a backtick, which YAML reserves', quotes: 'quotes' },
  '*': { trouble: 'starts with `*`, which YAML reads as a reference to an anchor', quotes: 'quotes' },
};

/**
 * The trouble with a value's opening said for where it is: a value of a key; quoted items
 * in a row (`labels: 'a', 'b'`), which were meant as a list; or a list item whose text became
 * a key by a colon and a space (`- Any change: \`C-08\``), which is mended by quoting the item.
 * In an editor's rules file, quoted `globs` in a row are mended as the editor reads them: it
 * takes the rest of the line as text, quotes and all, and splits it at its commas, so a quoted
 * pattern matches no file; the patterns go unquoted, joined by commas alone, as the editors'
 * own rules write them (`globs: *.ts,*.tsx`).
 */
function openingMessage(opening: { key: string; opener: string; offset: number; inListItem: boolean }, yaml: string, editorRule = false): string {
  const { trouble, quotes } = openingTrouble[opening.opener]!;
  if (opening.key === '') return `this list item ${trouble}; put the whole item in ${quotes}`;
  const lineEnd = yaml.indexOf('\n', opening.offset);
  const value = yaml.slice(opening.offset, lineEnd === -1 ? yaml.length : lineEnd).trim();
  if (/^(["'])[^"'\n]*\1(?:[ \t]*,[ \t]*(["'])[^"'\n]*\2)+$/.test(value)) {
    if (editorRule && opening.key === 'globs') {
      const patterns = [...value.matchAll(/(["'])([^"'\n]*)\1/g)].map((match) => match[2]!.trim()).join(',');
      return `the value of \`globs\` is quoted items separated by commas, which YAML reads as one quoted item with text left over, and the editor as text, quotes and all, so no pattern matches a file; write the patterns without quotes, separated by commas alone: \`globs: ${patterns}\``;
    }
    return `the value of \`${opening.key}\` is quoted items separated by commas, which YAML reads as one quoted item with text left over; for a list, write them in brackets: \`[${value}]\``;
  }
  if (opening.inListItem) return `this list item holds a colon followed by a space, which makes \`${opening.key}\` a key, and its value ${trouble}; put the whole item in quotes`;
  return `the value of \`${opening.key}\` ${trouble}; put the whole value in ${quotes}`;
}

/**
 * A hint for frontmatter that reads as Markdown (a heading, which YAML takes for a comment,
 * or paragraphs): the file most likely opens with `---` meant as a thematic break, which
 * starts frontmatter when it is the first line.
 */
function openingRuleHint(yaml: string): string {
  // Frontmatter that opens with a key was meant as frontmatter.
  if (/^[A-Za-z_][\w.-]*:[ \t]/.test(yaml.trimStart())) return '';
  const markdown = /^#{1,6}[ \t]+\S/m.test(yaml) || /\S[^\n]*\n[ \t]*\n[ \t]*\S/.test(yaml.trim());
  return markdown
    ? '. It reads as Markdown: a `---` on the first line opens frontmatter, which the next `---` closes; if a thematic break was meant, drop it or draw it with `***`'
    : '';
}

/**
 * A line meant to close the frontmatter that does not (`-----`, an indented `---`), when the
 * YAML before it is valid and the error lies at or after it: the text after it up to the
 * next `---` was read as YAML, and that is the cause to tell.
 */
function overrunFence(yaml: string, errorAt: number): { offset: number; line: string } | undefined {
  const fence = /^ {0,3}-{3,}[ \t\r]*$/m.exec(yaml);
  if (!fence || fence.index > errorAt) return undefined;
  if (parseDocument(yaml.slice(0, fence.index), { strict: true }).errors.length > 0) return undefined;
  return { offset: fence.index, line: fence[0] };
}

/**
 * The key whose value opens, on the line of an error at `start`, with a character YAML reads
 * as syntax: a bracket or quote closed before the value ends (`argument-hint: [FILE] [TITLE]`,
 * as agent command files write hints), or a reserved `@` or backtick.
 */
function valueOpening(yaml: string, start: number): { key: string; opener: string; offset: number; inListItem: boolean } | undefined {
  // `key` is '' for a list item.
  const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = yaml.indexOf('\n', lineStart);
  const line = yaml.slice(lineStart, lineEnd === -1 ? yaml.length : lineEnd);
  // `key: [a] b`, or a list item `- "A" (B)`.
  const pair = /^[ \t]*(-[ \t]+)?([^\s:#'"[{][^:#]*?)[ \t]*:[ \t]+(["'[{@`*])/.exec(line) ?? /^[ \t]*(-[ \t]+)()(["'[{@`*])/.exec(line);
  if (!pair) return undefined;
  const offset = lineStart + pair[0].length - 1;
  return start >= offset ? { key: pair[2]!, opener: pair[3]!, offset, inListItem: pair[1] !== undefined } : undefined;
}

/**
 * A value opening with a bracket that closes on its line before the error at `at`, with text
 * after it (`argument-hint: [name] | --all`): YAML says a comma or colon is missing between
 * the list's items, though the writer meant no list but text. A bracket still open at the
 * error is a list going on, which that message fits.
 */
function closedBracketOpening(yaml: string, at: number): ReturnType<typeof valueOpening> {
  const opening = valueOpening(yaml, at);
  if (!opening || (opening.opener !== '[' && opening.opener !== '{')) return undefined;
  let depth = 0;
  for (const character of yaml.slice(opening.offset, at + 1)) {
    if (character === '[' || character === '{') depth += 1;
    else if (character === ']' || character === '}') depth -= 1;
    if (depth === 0) return opening;
  }
  return undefined;
}

/**
 * The parser's error said as the writer's mistake, for the ones frontmatter written by hand
 * makes: a backslash in double quotes (LaTeX, a Windows path), a glob in a flow list
 * (`globs: [*]`), a full-width colon after a key (`title：…`).
 */
function plainTrouble(yaml: string, code: string, at: number, runOn?: string, editorRule = false): string | undefined {
  const lineStart = yaml.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = yaml.indexOf('\n', at);
  if (code === 'BAD_DQ_ESCAPE') {
    const escape = /^\\./u.exec(yaml.slice(at))?.[0] ?? '\\';
    return `\`${escape}\` inside double quotes starts an escape YAML does not know; put the value in single quotes, where a backslash is a backslash, or write it \`\\\\\``;
  }
  if (code === 'BAD_ALIAS' && /[[,][ \t]*\*/.test(yaml.slice(lineStart, at + 1))) {
    return 'a `*` in a list reads as a reference to an anchor; put each pattern in quotes (`["*"]`)';
  }
  // `globs: *` or `globs: *, *.md`: an alias of no name, where `*.ts` is one named `.ts`.
  if (code === 'BAD_ALIAS') {
    const opening = valueOpening(yaml, at);
    if (opening?.opener === '*') return openingMessage(opening, yaml, editorRule);
  }
  if (code === 'MULTILINE_IMPLICIT_KEY') {
    const going = textGoingOn(yaml, lineStart, lineEnd === -1 ? yaml.length : lineEnd, runOn);
    if (going) return going;
  }
  if (code === 'MISSING_CHAR') {
    const unindented = quotedAtMargin(yaml, lineStart);
    if (unindented) return unindented;
  }
  // The key may be on the error's line or, read whole as text, on one before it.
  return fullWidthColon(yaml.slice(0, lineEnd === -1 ? yaml.length : lineEnd));
}

/**
 * A quoted value whose quote closes on a later line, with a line between starting at the
 * margin (`description: "` with its text on the lines below): YAML reads a quoted value over
 * several lines only when the lines after its first are indented under its key, and says the
 * closing quote is missing, though the writer wrote it.
 */
function quotedAtMargin(yaml: string, lineStart: number): string | undefined {
  // The value's first line: the error's, or the line above it.
  const above = lineStart === 0 ? 0 : yaml.lastIndexOf('\n', lineStart - 2) + 1;
  const opening = [lineStart, above].map((start) => ({ start, found: /^([^\s:#'"][^:\n]*):[ \t]+(["'])/.exec(yaml.slice(start)) })).find(({ found }) => found);
  if (!opening) return undefined;
  const [written, key, quote] = opening.found!;
  const after = yaml.slice(opening.start + written.length);
  const closing = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.exec(after) : /'(?!')/.exec(after.replace(/''/g, '  '));
  if (!closing) return undefined;
  const inside = after.slice(0, closing.index + closing[0].length);
  if (!/\n[^ \t\n]/.test(inside)) return undefined;
  return `the quoted value of \`${key}\` goes on over lines that start at the margin, and YAML reads a quoted value over several lines only when the lines after its first are indented, so it finds no closing quote; indent those lines under the key, or keep the value on one line`;
}

/**
 * A line of text among the keys (`This is followed by Plan.` after `description: …` and a
 * blank line), as a writer goes on with a value without indenting it: said with the key
 * whose value it most likely goes on with, the one above or `runOn`, a value whose lines
 * above it were read as keys.
 */
function textGoingOn(yaml: string, lineStart: number, lineEnd: number, runOn: string | undefined): string | undefined {
  const line = yaml.slice(lineStart, lineEnd).trim();
  if (line === '' || /^[ \t]/.test(yaml.slice(lineStart, lineEnd)) || /:[ \t]|:$/.test(line)) return undefined;
  const above = yaml.slice(0, lineStart).split('\n').reverse().find((candidate) => candidate.trim() !== '');
  const key = runOn ?? (above === undefined ? undefined : /^([A-Za-z_][\w.-]*):[ \t]+[^\s|>]/.exec(above)?.[1]);
  if (key === undefined) return undefined;
  const shown = line.length <= 60 ? line : `${line.slice(0, 60).replace(/\s+\S*$/, '')} …`;
  return `the line \`${shown}\` is text among the keys; if it goes on with the value of \`${key}\` above, write that value as a block (\`${key}: |\`) with every line of it indented under the key`;
}

/** A key followed by a full-width colon (`title：…`) on a line of `yaml`, said as the mistake. */
function fullWidthColon(yaml: string): string | undefined {
  const key = /^[ \t]*([^\s:：#][^:：\n]*?)：/m.exec(yaml);
  if (!key || /:[ \t]/.test(key[0])) return undefined;
  return `\`${key[1]}\` is followed by a full-width colon \`：\`, which YAML does not read as one; write \`:\` and a space`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
