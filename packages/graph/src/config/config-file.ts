/**
 * A configuration file's text, parsed, with a way back from any value to its line and
 * column, so every configuration error can point at the exact place.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Place {
  line: number;
  column: number;
}

/** A mistake in a configuration file, at a place in it. */
export interface ConfigProblem {
  place: Place;
  message: string;
}

export interface ConfigSource {
  /** The file as the user would name it (relative to the working directory). */
  displayPath: string;
  data: unknown;
  /** Where the value at a JSON-pointer-like path stands; `key` asks for a mapping key itself. */
  placeOf(path: readonly (string | number)[], key?: string): Place;
}

export type ParseResult = { ok: true; source: ConfigSource } | { ok: false; problem: ConfigProblem };

const origin: Place = { line: 1, column: 1 };

/** Parse a configuration file: JSON for `.json`, YAML otherwise. */
export function parseConfig(text: string, displayPath: string): ParseResult {
  const json = displayPath.toLowerCase().endsWith('.json');
  const lines = new LineCounter();
  const placeAt = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  // Both formats go through the YAML parser for places (JSON is YAML's flow syntax); JSON
  // files are also held to JSON's own stricter grammar.
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });

  let data: unknown;
  if (json) {
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, problem: jsonProblem(error as Error, text, placeAt) };
    }
    const duplicate = document.errors.find((error) => error.code === 'DUPLICATE_KEY');
    if (duplicate) return { ok: false, problem: { place: placeAt(duplicate.pos[0]), message: 'a key appears twice in one object' } };
  } else {
    const [error] = document.errors;
    if (error) return { ok: false, problem: { place: placeAt(error.pos[0]), message: `invalid YAML: ${yamlReason(error.message)}` } };
    // An empty YAML file is a configuration with every default.
    data = document.contents === null ? {} : document.toJS({ maxAliasCount: 100 });
  }

  return {
    ok: true,
    source: {
      displayPath,
      data,
      placeOf: (path, key) => {
        const offset = document.errors.length === 0 ? offsetOf(document, path, key) : undefined;
        return offset === undefined ? origin : placeAt(offset);
      },
    },
  };
}

function offsetOf(document: Document, path: readonly (string | number)[], key: string | undefined): number | undefined {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!node || typeof node !== 'object') return undefined;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair && isScalar(pair.key)) return pair.key.range?.[0];
  }
  return (node as Node).range?.[0];
}

/** Node 20's JSON.parse says "... in JSON at position N"; turn N into a line and column. */
function jsonProblem(error: Error, text: string, placeAt: (offset: number) => Place): ConfigProblem {
  const position = /at position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : firstBadOffset(text.replace(/^\uFEFF/, '')) + (text.startsWith('\uFEFF') ? 1 : 0);
  const reason = error.message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^JSON\.parse: /, '')
    // Newer messages quote the text around the mistake, which the place already shows.
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { place: placeAt(offset), message: `invalid JSON: ${reason}` };
}

/**
 * Where JSON text first goes wrong, when the parser's message does not say (Node 20's often
 * does not): the shortest start of the text that fails other than by ending too soon, found by
 * halving, as every longer start fails there too.
 */
function firstBadOffset(text: string): number {
  const failsWithin = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (/end of JSON input|Unterminated string/.test(message)) return false;
      const at = /at position (\d+)/.exec(message);
      return !(at && Number(at[1]) >= length);
    }
  };
  let low = 1;
  let high = text.length;
  if (high === 0 || !failsWithin(high)) return text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsWithin(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function yamlReason(message: string): string {
  return message.replace(/ at line \d+, column \d+.*$/s, '');
}
