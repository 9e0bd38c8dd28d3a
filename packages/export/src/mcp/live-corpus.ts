/**
 * A corpus that follows its files: loaded once, then re-read when anything under the root
 * changes. Changes arriving together (an editor's save is several events) are gathered
 * into one reload; readers always see a whole, consistent graph, the new one or the old.
 */
import { FolderWatcher, loadGraph, type Corpus, type KnowledgeGraph, type LoadOptions } from '@capsule-docs/graph';

export interface LiveCorpusOptions {
  load: LoadOptions;
  /** Called after each reload with the new graph. */
  onReload?: (graph: KnowledgeGraph) => void;
  /** Where to say what happened; never standard output, which may carry a protocol. */
  log?: (message: string) => void;
  /** How long to wait for more changes before reloading, in milliseconds. */
  debounceMs?: number;
}

const ignoredFolders = /(^|[\\/])(node_modules|\.git)([\\/]|$)/;

export class LiveCorpus {
  private current: { corpus: Corpus; graph: KnowledgeGraph };
  private watcher: FolderWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private again = false;

  private constructor(
    private readonly options: LiveCorpusOptions,
    loaded: { corpus: Corpus; graph: KnowledgeGraph },
  ) {
    this.current = loaded;
  }

  /** Load the corpus and start watching its root. */
  static async open(options: LiveCorpusOptions): Promise<LiveCorpus> {
    const live = new LiveCorpus(options, await loadGraph(options.load));
    live.startWatching();
    return live;
  }

  get graph(): KnowledgeGraph {
    return this.current.graph;
  }

  get root(): string {
    return this.current.corpus.root;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  // Node's recursive watch stops for good at a link that loops (a file linking to itself, added
  // while serving, ended every later reload) and walks what the listing leaves out; the folders
  // of the corpus listing are watched instead (see `FolderWatcher`).
  private startWatching(): void {
    this.watcher = new FolderWatcher(this.root, (path) => {
      if (!ignoredFolders.test(path)) this.schedule();
    });
    this.watcher.sync(this.current.corpus.files);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.options.debounceMs ?? 150);
  }

  private async reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return;
    }
    this.reloading = (async () => {
      try {
        this.current = await loadGraph(this.options.load);
        this.watcher?.sync(this.current.corpus.files);
        this.log(`capsule mcp: reloaded ${this.current.graph.documents.length} documents`);
        this.options.onReload?.(this.current.graph);
      } catch (error) {
        this.log(`capsule mcp: reload failed, keeping the previous corpus: ${(error as Error).message}`);
      }
    })();
    await this.reloading;
    this.reloading = undefined;
    if (this.again) {
      this.again = false;
      await this.reload();
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
