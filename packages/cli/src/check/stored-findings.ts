/**
 * A check's findings kept in the store's results: an unchanged corpus replays them, and the
 * language server shows them at once while it loads.
 */
import { fromPlainMessage, inputsKey, Store, toPlainMessage, type CorpusScan, type PlainMessage, type ResultStore } from '@capsule-docs/graph';
import type { LintOptions, LintResult } from '@capsule-docs/lint';
import type { GitReader } from '../git.js';
import { codeStamps } from '../replay.js';

/**
 * Where a check keeps its findings and the key they are kept under: the code, the settings,
 * the given documents, HEAD and every file of the corpus. A check with an equal key replays them.
 */
export function checkReplay(cacheDir: string, lintOptions: LintOptions, scan: CorpusScan, git: GitReader, given?: string[]): { results: ResultStore; key: string } {
  return {
    results: new Store(cacheDir).results('check'),
    key: inputsKey({
      code: codeStamps(['@capsule-docs/lint', '@capsule-docs/graph', 'remark-capsules']),
      lintOptions,
      limits: scan.limits,
      given,
      // What the blast radius and `invariant-immutable` compare with.
      head: git.treeOf('HEAD'),
      corpus: scan.fingerprint,
    }),
  };
}

/** The findings a whole check of this very corpus, with these settings, stored; undefined when there are none. */
export function storedCheck(cacheDir: string, lintOptions: LintOptions, scan: CorpusScan, git: GitReader): LintResult | undefined {
  const { results, key } = checkReplay(cacheDir, lintOptions, scan, git);
  const stored = results.get(key);
  return stored && stillHere(stored.facts, scan) ? storedResult(stored.text) : undefined;
}

/**
 * Whether the files `.gitignore` leaves out are there as they were when the findings were
 * stored. They are no part of the corpus, so its fingerprint leaves them out (a build's
 * output, the cache folder itself, change all the time), but a link to one is told by whether
 * it is there (`is ignored by .gitignore` against `is not here`): the paths the rules asked
 * about are kept beside the findings (see `recordIgnoredHere`) and asked again.
 */
export function stillHere(facts: Record<string, unknown>, scan: CorpusScan): boolean {
  const asked = facts['ignoredHere'];
  if (asked === undefined) return true;
  if (typeof asked !== 'object' || asked === null || Array.isArray(asked)) return false;
  return Object.entries(asked).every(([path, was]) => (scan.ignoredHere?.(path) ?? false) === was);
}

/**
 * Record every path the rules ask `ignoredHere` about, with the answer, from now on: what a
 * stored result depends on beyond the corpus's fingerprint (see `stillHere`).
 */
export function recordIgnoredHere(scan: CorpusScan): Map<string, boolean> {
  const asked = new Map<string, boolean>();
  const ask = scan.ignoredHere;
  if (ask) {
    scan.ignoredHere = (path) => {
      const here = ask(path);
      asked.set(path, here);
      return here;
    };
  }
  return asked;
}

/** Findings as the result cache keeps them: plain data. */
export function toStored(result: LintResult): StoredFindings {
  return { files: result.files.map(({ path, messages }) => ({ path, messages: messages.map(toPlainMessage) })) };
}

interface StoredFindings {
  files: { path: string; messages: PlainMessage[] }[];
}

/** Stored findings back as messages; `undefined` for anything not shaped like them. */
export function storedResult(text: string | undefined): LintResult | undefined {
  if (text === undefined) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return undefined;
  }
  const files = (stored as Partial<StoredFindings> | undefined)?.files;
  if (!Array.isArray(files)) return undefined;
  const wellFormed = files.every(
    (file) =>
      typeof file?.path === 'string' &&
      Array.isArray(file.messages) &&
      file.messages.every((message) => typeof message?.reason === 'string' && typeof message.extra === 'object' && message.extra !== null),
  );
  if (!wellFormed) return undefined;
  return { files: files.map(({ path, messages }) => ({ path, messages: messages.map((message) => fromPlainMessage(message, path)) })) };
}
