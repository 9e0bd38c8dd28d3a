/**
 * The export package's output for the pages that offer it: llms.txt and each capsule's
 * context bundle (see `corpus-exports.ts`). They come from what the content loader shared,
 * or, in a process where it did not run, from a graph loaded here.
 */
import { loadTokenCounter } from '@capsule-docs/export';
import { loadGraph } from '@capsule-docs/graph';
import { homeDocument } from '../corpus-settings.js';
import { exportsFromGraph, type CapsuleContext, type CorpusExports } from './corpus-exports.js';
import { publishedCorpus } from './published-corpus.js';
import { sharedExports } from './shared-corpus.js';

let ownExports: Promise<CorpusExports> | undefined;

async function corpusExports(): Promise<CorpusExports> {
  const corpus = publishedCorpus();
  return (
    sharedExports(corpus.root) ??
    (await (ownExports ??= Promise.all([loadGraph(corpus), loadTokenCounter()]).then(([{ graph }, counter]) =>
      exportsFromGraph(corpus.root, graph, counter, {
        base: import.meta.env.BASE_URL,
        site: import.meta.env.SITE === undefined ? undefined : new URL(import.meta.env.SITE),
        home: homeDocument(),
      }),
    )))
  );
}

/**
 * llms.txt as `capsule export --format llms-txt` writes it, linking to this site's pages:
 * absolute under `site` when the site's address is known, root-relative otherwise.
 */
export async function llmsTxt(options: { title: string; base: string; site: URL | undefined }): Promise<string> {
  return (await corpusExports()).llmsTxt({ ...options, home: homeDocument() });
}

/** The capsule and the capsules its SeeAlso names, as a Markdown context bundle linking to this site's pages. */
export async function capsuleContext(name: string): Promise<CapsuleContext | undefined> {
  return (await corpusExports()).capsuleContext(name);
}
