/**
 * The corpus as the editor sees it: loaded from disk as `capsule check` loads it (from the
 * parse cache's cross-file summaries, which is all the graph and the corpus rules read), with
 * the unsaved text of open documents, parsed whole, over the files. One document's change re-reads that
 * document alone (through the graph package's reader and the lint analyzer), puts it in the
 * graph in place of the old (which resolves again only the references its capsule names
 * reach), and notes which documents' findings it may have changed; files created or deleted
 * on disk reload the corpus.
 */
import { compactSummary, KnowledgeGraph, loadCorpus, readCorpusFile, readDocument, scanCorpus, summarizeModel, surroundingsOf, type CorpusDocument, type CorpusScan, type LoadOptions } from '@capsule-docs/graph';
import { documentsToRecheck, frontmatterFacts, lintGraph, type LintOptions, type LintResult } from '@capsule-docs/lint';

/** How a workspace folder is read and checked: what `capsule check` would use there. */
export interface WorkspaceSettings {
  load: LoadOptions;
  lint: LintOptions;
  /** The findings a `capsule check` of exactly the scanned corpus stored, if any: shown while the corpus loads. */
  stored?: (scan: CorpusScan) => LintResult | undefined;
  /** The files these settings were read from (absolute): the configuration and the schemas it names. A change to one reads them again. */
  settingsFiles?: readonly string[];
}

const encoder = new TextEncoder();

export class LiveWorkspace {
  private documents = new Map<string, CorpusDocument>();
  private files = new Set<string>();
  /** What the graph knows beyond the documents, as the load found it: the repository around the root and its `.gitignore`. */
  private surroundings: ReturnType<typeof surroundingsOf> = {};
  private current: KnowledgeGraph;
  private stale = false;
  /** The unsaved text of open documents, by corpus path. */
  private readonly overlays = new Map<string, string>();
  /** Open documents whose text changed since they were last parsed: parsed when next needed, so an edit storm parses once. */
  private readonly unparsed = new Set<string>();
  /** Documents read again since the graph last took them in. */
  private readonly replaced = new Map<string, CorpusDocument>();
  /** Documents whose findings may have changed since `takeRecheck` was last asked; `all` after a whole build. */
  private recheck: Set<string> | 'all' = 'all';
  /**
   * The findings of the files as the last reload read them are already shown (`capsule check`
   * stored them for that very scan): the graph's next build checks only what differs from the
   * files, the open documents' unsaved text.
   */
  private filesShown = false;

  private constructor(readonly settings: WorkspaceSettings) {
    this.current = new KnowledgeGraph({ documents: [] });
  }

  static async open(settings: WorkspaceSettings): Promise<LiveWorkspace> {
    const workspace = LiveWorkspace.unloaded(settings);
    await workspace.reload();
    return workspace;
  }

  /** A workspace holding no document yet: `reload` reads the corpus. Edits made meanwhile are kept for it. */
  static unloaded(settings: WorkspaceSettings): LiveWorkspace {
    return new LiveWorkspace(settings);
  }

  /** List the corpus's files and their hashes (from the corpus index where the files are unchanged), reading no model. */
  scan(): Promise<CorpusScan> {
    return scanCorpus(this.loadOptions);
  }

  private get loadOptions(): LoadOptions {
    return { ...this.settings.load, summarize: true };
  }

  /** Every file the corpus listing holds (documents and other files), relative to the root. */
  get listedFiles(): ReadonlySet<string> {
    return this.files;
  }

  get root(): string {
    return this.settings.load.root;
  }

  /** The graph of the corpus as it stands now, open documents' text included. */
  get graph(): KnowledgeGraph {
    if (this.stale) {
      // With the files' findings shown, the graph is built from the files as they were read and
      // the open documents' text goes in after, as an edit does; a file read again since makes
      // the shown findings stale, so then everything is checked.
      const filesShown = this.filesShown && this.replaced.size === 0;
      if (!filesShown) this.parseOpenDocuments();
      // The same files and repository a `capsule check` graph has, so links resolve alike.
      this.current = new KnowledgeGraph({ documents: [...this.documents.values()], ...this.surroundings });
      this.stale = false;
      this.filesShown = false;
      this.replaced.clear();
      this.recheck = filesShown ? new Set() : 'all';
    }
    this.parseOpenDocuments();
    if (this.replaced.size > 0) {
      this.update([...this.replaced.values()]);
      this.replaced.clear();
    }
    return this.current;
  }

  private parseOpenDocuments(): void {
    for (const path of this.unparsed) this.replace(path, this.overlays.get(path) ?? '');
    this.unparsed.clear();
  }

  /** The documents whose findings may have changed since the last call (`all`: every one), forgotten once told. */
  takeRecheck(): Set<string> | 'all' {
    void this.graph;
    const recheck = this.recheck;
    this.recheck = new Set();
    return recheck;
  }

  /**
   * The document at `path` with its whole model: the graph's own when the document is open,
   * else parsed again from its text (the graph keeps only summaries of closed documents).
   */
  wholeDocument(path: string): CorpusDocument | undefined {
    const document = this.graph.document(path);
    if (!document || this.overlays.has(path)) return document;
    return readDocument(path, encoder.encode(document.text), { limits: this.settings.load.limits });
  }

  /** Whether the corpus reads this path (its include and exclude globs take it). */
  has(path: string): boolean {
    return this.documents.has(path);
  }

  /**
   * Read the whole corpus from disk again, keeping the text of open documents. `filesShown`:
   * the findings of exactly these files (the `scan` given) are already shown.
   */
  async reload(scan?: CorpusScan, filesShown = false): Promise<void> {
    // The corpus alone: the graph is built from it (and the open documents' text) when next asked for.
    const corpus = await loadCorpus(this.loadOptions, scan);
    // Held for the whole session: the summaries share their points and empty lists.
    this.documents = new Map(corpus.documents.map((document) => [document.path, keptClosed(document)]));
    this.files = new Set(corpus.files);
    this.surroundings = surroundingsOf(corpus);
    for (const path of this.overlays.keys()) if (this.documents.has(path)) this.unparsed.add(path);
    this.replaced.clear();
    this.stale = true;
    this.filesShown = filesShown && scan !== undefined;
  }

  /** An open document's text changed (or it was opened): it wins over the file. */
  setText(path: string, text: string): boolean {
    // Kept even outside the corpus: a file created meanwhile joins it with this text.
    this.overlays.set(path, text);
    if (!this.documents.has(path)) return false;
    this.unparsed.add(path);
    return true;
  }

  /** An open document was closed: the file speaks for it again. */
  async closeText(path: string): Promise<void> {
    if (!this.overlays.delete(path)) return;
    this.unparsed.delete(path);
    await this.readFromDisk(path);
  }

  /**
   * A file changed on disk; open documents keep their editor text. False when the file is gone:
   * only reading the corpus again takes it out (a deletion the client tells reads it again
   * anyway; a folder watch tells a deletion as a change).
   */
  async fileChanged(path: string): Promise<boolean> {
    if (this.overlays.has(path) || !this.documents.has(path)) return true;
    return this.readFromDisk(path);
  }

  /** The findings `capsule check` would report, for the given documents (default all). */
  lint(report?: Iterable<string>): LintResult {
    return lintGraph(this.graph, { ...this.settings.lint, ...(report ? { report } : {}) });
  }

  /** A closed document read as the load reads it: a link leaving the root or a file over the limits is not read. */
  private async readFromDisk(path: string): Promise<boolean> {
    const read = await readCorpusFile(this.root, path, this.settings.load.limits);
    // Gone: reading the corpus again takes it out.
    if (!read) return false;
    if ('document' in read) {
      const document = keptClosed(read.document);
      this.documents.set(path, document);
      this.replaced.set(path, document);
    } else {
      this.replace(path, read.bytes);
    }
    return true;
  }

  /** Put re-read documents into the graph and note whose findings that may change. */
  private update(documents: CorpusDocument[]): void {
    const graph = this.current;
    const paths = documents.map((document) => document.path);
    const namesBefore = paths.flatMap((path) => graph.document(path)?.model.capsules.map((capsule) => capsule.name) ?? []);
    const targetsBefore = paths.flatMap((path) => graph.edgesIn(path).flatMap((edge) => edge.toDocument ?? []));
    const frontmatterBefore = paths.flatMap((path) => frontmatterFacts(graph.document(path)));
    const rewired = graph.replaceDocuments(documents);
    if (this.recheck === 'all') return;
    for (const path of documentsToRecheck(graph, { paths, namesBefore, targetsBefore, rewired, frontmatterBefore })) this.recheck.add(path);
  }

  private replace(path: string, content: string | Uint8Array): void {
    const previous = this.documents.get(path);
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    const whole = readDocument(path, bytes, { limits: this.settings.load.limits });
    const analyzer = this.settings.load.analyzer;
    if (analyzer?.local) whole.analysis = analyzer.local(whole, analyzer.settings, previous?.analysis);
    // Closed documents are kept as the summaries the load made: whole models of every file read again would add up.
    const document = this.overlays.has(path) ? whole : keptClosed({ ...whole, model: summarizeModel(whole.model) });
    this.documents.set(path, document);
    this.replaced.set(path, document);
  }
}

/**
 * A closed document as the workspace holds it for the whole session: its summary's points
 * and empty lists shared (see `compactSummary`).
 */
function keptClosed(document: CorpusDocument): CorpusDocument {
  compactSummary(document.model);
  return document;
}
