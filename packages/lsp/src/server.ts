/**
 * The language server: a connection over standard input and output, one live workspace (the
 * folder the client names), diagnostics republished after edits settle. Every request is
 * answered from the graph; one that fails answers with an error and the session goes on.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findConfigFile, type ConfigError, type CorpusScan, type KnowledgeGraph } from '@capsule-docs/graph';
import { configureRules, rules, schemaFor, type LintResult } from '@capsule-docs/lint';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { VFileMessage } from 'vfile-message';
import { authoringCompletions, type AuthoringContext } from './authoring.js';
import { toDiagnostic } from './diagnostics.js';
import { FolderWatcher } from './folder-watcher.js';
import { codeActions, completions, documentSymbols, hoverFor, workspaceEdit, workspaceSymbols, type RenameEdit } from './features.js';
import { capsuleLocation, capsuleOf, definitionOf, edgeLocation, referencesTo, targetAt, uriOf } from './navigation.js';
import { offsetOf, spanRange } from './text.js';
import { LiveWorkspace, type WorkspaceSettings } from './workspace.js';

/** What a rename planner answers: the engine's edits, or why it refuses. */
export type RenamePlanner = (
  graph: KnowledgeGraph,
  oldName: string,
  newName: string,
) => { ok: true; changes: RenameEdit[] } | { ok: false; message: string; hint?: string };

export interface ServerOptions {
  /** The settings `capsule check` would use for a workspace folder. */
  settingsFor: (folder: string) => WorkspaceSettings;
  planRename: RenamePlanner;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** How long edits must pause before the findings are computed again, in milliseconds. */
  debounceMs?: number;
  /** Log how much each check covered and took (`CAPSULE_DEBUG`). */
  debug?: boolean;
}

/** Start serving; resolves when the client ends the session. */
export function startServer(options: ServerOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const reader = new StreamMessageReader(input);
  const connection = createConnection(reader, new StreamMessageWriter(options.output ?? process.stdout));
  const server = new CapsuleLanguageServer(connection, options);
  server.listen();
  return new Promise((resolve) => {
    const end = () => {
      server.close();
      resolve();
    };
    connection.onExit(end);
    // A client that goes away without `exit` (an editor that crashed) closes the input: the
    // server's own folder watches would otherwise keep it running with no one to serve.
    // (A pipe's end is told as `end`; the reader hears only `close`, which a pipe left half open never sends.)
    reader.onClose(end);
    input.on('end', end);
  });
}

class CapsuleLanguageServer {
  private workspace: LiveWorkspace | undefined;
  /** The configuration could not be read: the server tells why and serves nothing. */
  private configTrouble: { error: ConfigError; file: string | undefined } | undefined;
  private readonly documents = new TextDocuments(TextDocument);
  private readonly published = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private linting: Promise<void> | undefined;
  /** The server's own watch on the corpus's folders, when the client offers none. */
  private watcher: FolderWatcher | undefined;
  private clientWatches = false;
  private reloadWanted = false;
  /** The corpus loading after `initialize` answered; requests and checks wait for it. */
  private loading: Promise<void> | undefined;
  /** What `initialize` scanned, for the load to start from. */
  private scanned: CorpusScan | undefined;
  /** The stored findings being written out, which the load waits for. */
  private showing: Promise<void> | undefined;
  /** Findings `capsule check` stored for this very corpus: published while it loads. */
  private stored: LintResult | undefined;
  /** Whether the stored findings were shown: then the load need not check the files again. */
  private storedShown = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {}

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    this.documents.onDidChangeContent(({ document }) => this.edited(document));
    this.documents.onDidClose(({ document }) => void this.closed(document));
    connection.onDidChangeWatchedFiles(({ changes }) => void this.filesChanged(changes.map((change) => ({ uri: change.uri, type: change.type }))));

    connection.onDefinition(this.guard((graph, params) => {
      const found = this.targetAt(graph, params);
      if (!found) return null;
      const { target, root } = found;
      if (target.kind === 'heading') return capsuleLocation(graph, root, target.capsule) ?? null;
      return definitionOf(graph, root, target.edge) ?? null;
    }));
    connection.onReferences(this.guard((graph, params: TextDocumentPositionParams & { context?: { includeDeclaration: boolean } }) => {
      const found = this.targetAt(graph, params);
      const capsule = found && capsuleOf(found.target);
      if (!found || !capsule) return null;
      const locations = referencesTo(graph, capsule).flatMap((edge) => edgeLocation(graph, found.root, edge) ?? []);
      const declaration = params.context?.includeDeclaration ? capsuleLocation(graph, found.root, capsule) : undefined;
      return declaration ? [declaration, ...locations] : locations;
    }));
    connection.onHover(this.guard((graph, params) => {
      const found = this.targetAt(graph, params);
      const capsule = found && capsuleOf(found.target);
      if (!found || !capsule) return null;
      const range = found.target.kind === 'heading' ? spanRange(found.document, capsule.capsule.namePosition) : spanRange(found.document, found.target.edge.position);
      return hoverFor(graph, capsule, range);
    }));
    connection.onDocumentSymbol(this.guard((_graph, params: { textDocument: { uri: string } }) => {
      const path = this.pathOf(params.textDocument.uri);
      // Heading texts are not in the summaries the graph keeps of closed documents.
      const document = path === undefined ? undefined : this.workspace!.wholeDocument(path);
      return document ? documentSymbols(document) : null;
    }));
    connection.onWorkspaceSymbol(this.guard((graph, params: { query: string }) => workspaceSymbols(graph, this.workspace!.root, params.query)));
    connection.onCompletion(this.guard((graph, params) => {
      const open = this.documents.get(params.textDocument.uri);
      if (!open) return null;
      const authoring = authoringCompletions(open.getText(), params.position, this.authoringContext(graph, params.textDocument.uri));
      return authoring ?? completions(graph, open.getText({ start: { line: params.position.line, character: 0 }, end: params.position }));
    }));
    connection.onCodeAction(this.guard((graph, params) => {
      const path = this.pathOf(params.textDocument.uri);
      const document = path === undefined ? undefined : graph.document(path);
      if (!document || !this.workspace?.has(document.path)) return null;
      const messages = this.workspace.lint([document.path]).files[0]?.messages ?? [];
      return codeActions(document, params.textDocument.uri, messages, params.range);
    }));
    connection.onPrepareRename(this.guard((graph, params) => {
      const found = this.targetAt(graph, params);
      const capsule = found && capsuleOf(found.target);
      if (!found || !capsule) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a capsule name can be renamed here');
      const span = found.target.kind === 'heading' ? capsule.capsule.namePosition : found.target.edge.position;
      const written = found.document.text.slice(span.start.offset, span.end.offset);
      const at = written.indexOf(capsule.name);
      const start = span.start.offset + Math.max(0, at);
      const index = found.lines;
      return { range: { start: index.positionAt(start), end: index.positionAt(start + capsule.name.length) }, placeholder: capsule.name };
    }));
    connection.onRenameRequest(this.guard((graph, params) => {
      const found = this.targetAt(graph, params);
      const capsule = found && capsuleOf(found.target);
      if (!found || !capsule) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a capsule name can be renamed here');
      const plan = this.options.planRename(graph, capsule.name, params.newName);
      if (!plan.ok) throw new ResponseError(ErrorCodes.InvalidRequest, plan.hint ? `${plan.message}. ${plan.hint}` : plan.message);
      return workspaceEdit(graph, found.root, plan.changes);
    }));
    this.documents.listen(connection);
    connection.listen();
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private async initialize(params: InitializeParams): Promise<InitializeResult> {
    const folder = folderOf(params);
    let settings: WorkspaceSettings;
    try {
      settings = this.options.settingsFor(folder);
    } catch (error) {
      // By name: the command and this package may each hold a copy of the graph package's class.
      if (!(error instanceof Error && error.name === 'ConfigError')) throw error;
      // A configuration broken while it is edited is told in the editor, at its places; a failed
      // `initialize` would have the editor give the server up. It is read again on a restart.
      this.configTrouble = { error: error as ConfigError, file: findConfigFile(folder) };
      return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental }, serverInfo: { name: 'capsule' } };
    }
    const workspace = LiveWorkspace.unloaded(settings);
    const scan = await workspace.scan();
    this.stored = workspace.settings.stored?.(scan);
    this.workspace = workspace;
    this.scanned = scan;
    this.clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [':', '(', ' ', ','] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: 'capsule' },
    };
  }

  private initialized(): void {
    if (this.configTrouble) {
      void this.tellConfigTrouble(this.configTrouble);
      return;
    }
    const stored = this.stored;
    this.stored = undefined;
    const sent: Promise<void>[] = [];
    if (stored && this.workspace) {
      this.storedShown = true;
      if (this.options.debug) this.connection.console.log(`capsule: showing the findings capsule check stored for ${stored.files.length} documents`);
      for (const { path, messages } of stored.files) sent.push(this.send(uriOf(this.workspace.root, path), messages));
    }
    // The load holds the thread for long stretches: it begins once the stored findings are written out.
    this.showing = Promise.all(sent).then(() => undefined);
    void this.load();
    if (this.clientWatches) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    } else {
      // The folders to watch are those of the listing `initialize` scanned; the stored findings go out first.
      const listed = this.scanned?.files ?? [];
      void this.showing.then(() => this.watchOwnFiles(listed));
    }
    this.schedule();
  }

  /** The configuration's mistakes, as a message and as diagnostics at their places in the file. */
  private async tellConfigTrouble({ error, file }: { error: ConfigError; file: string | undefined }): Promise<void> {
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Error,
      message: `capsule: ${error.message.split('\n')[0]}; nothing is checked until the configuration is mended and the server restarted`,
    });
    if (file === undefined || error.problems.length === 0) return;
    const diagnostics = error.problems.map(({ place, message }) => {
      const at = { line: place.line - 1, character: place.column - 1 };
      return { range: { start: at, end: at }, message, severity: 1 as const, source: 'capsule' };
    });
    await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }

  /** Read the corpus (once), after the stored findings are shown; a failed load is logged and leaves the corpus empty. */
  private load(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return Promise.resolve();
    return (this.loading ??= (async () => {
      await this.showing;
      const scan = this.scanned;
      this.scanned = undefined;
      try {
        // The stored findings are those of exactly the scanned files, the key they were found by.
        await workspace.reload(scan, this.storedShown);
      } catch (error) {
        this.connection.console.error(`capsule: reading the corpus failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    })());
  }

  /** The Depth keys the depth-list rule knows, and the frontmatter schema the check applies to the document. */
  private authoringContext(graph: KnowledgeGraph, uri: string): AuthoringContext {
    const lint = this.workspace!.settings.lint;
    const depthList = configureRules(lint.preset, lint.rules).find((configured) => configured.rule.meta.id === 'depth-list')?.options
      ?? rules.find((rule) => rule.meta.id === 'depth-list')?.meta.defaultOptions;
    const path = this.pathOf(uri);
    const document = path === undefined ? undefined : graph.document(path);
    const chosen = document && schemaFor(document, {
      externalDocuments: [],
      frontmatterSchema: lint.frontmatterSchema,
      frontmatterSchemas: lint.frontmatterSchemas ?? [],
      git: undefined,
      gitRef: 'HEAD',
    });
    return { depthKeys: (depthList?.['knownKeys'] as string[] | undefined) ?? [], schema: chosen?.schema };
  }

  /** No watcher from the client: watch the folders of the corpus ourselves (see `FolderWatcher`). */
  private watchOwnFiles(listed: Iterable<string>): void {
    const workspace = this.workspace;
    if (!workspace) return;
    const root = workspace.root;
    // The parse cache may live under the root: its writes are no change to the corpus.
    const cache = workspace.settings.load.cache;
    const cacheFolder = cache ? relative(root, cache.dir).split(sep).join('/') : undefined;
    this.watcher = new FolderWatcher(root, (path) => {
      if (/(^|\/)(node_modules|\.git)(\/|$)/.test(path)) return;
      if (cacheFolder && (path === cacheFolder || path.startsWith(`${cacheFolder}/`))) return;
      void this.filesChanged([{ uri: uriOf(root, path), type: FileChangeType.Changed, unknown: true }]);
    });
    this.watcher.sync(listed);
    if (this.watcher.folders.length === 0) this.connection.console.warn(`capsule: cannot watch ${root}; changes on disk show after the documents are opened`);
  }

  private edited(document: TextDocument): void {
    const path = this.pathOf(document.uri);
    if (path === undefined || !this.workspace) return;
    if (this.workspace.setText(path, document.getText())) this.schedule();
  }

  private async closed(document: TextDocument): Promise<void> {
    const path = this.pathOf(document.uri);
    if (path === undefined || !this.workspace) return;
    await this.workspace.closeText(path);
    this.schedule();
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType; unknown?: boolean }[]): Promise<void> {
    if (!this.workspace) return;
    for (const change of changes) {
      const path = this.pathOf(change.uri);
      if (path === undefined) continue;
      // A new or deleted file changes what the corpus holds: read it all again.
      if (change.type !== FileChangeType.Changed || !this.workspace.has(path) || change.unknown) {
        if (change.unknown && this.workspace.has(path)) await this.workspace.fileChanged(path);
        else this.reloadWanted = true;
      } else {
        await this.workspace.fileChanged(path);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.publish(), this.options.debounceMs ?? 50);
  }

  /** Lint the documents whose findings may have changed and send the diagnostics that did. */
  private async publish(): Promise<void> {
    await this.load();
    if (this.linting) {
      await this.linting;
      return this.schedule();
    }
    this.linting = (async () => {
      const workspace = this.workspace;
      if (!workspace) return;
      if (this.reloadWanted) {
        this.reloadWanted = false;
        await workspace.reload();
        this.watcher?.sync(workspace.listedFiles);
        this.connection.console.log(`capsule: read the corpus again (${workspace.graph.documents.length} documents)`);
      }
      const started = performance.now();
      const recheck = workspace.takeRecheck();
      if (recheck !== 'all' && recheck.size === 0) return;
      const result = workspace.lint(recheck === 'all' ? undefined : recheck);
      const seen = new Set<string>();
      const open = new Map(this.documents.all().flatMap((document) => {
        const path = this.pathOf(document.uri);
        return path === undefined ? [] : [[path, document.uri] as const];
      }));
      for (const { path, messages } of result.files) {
        const uri = open.get(path) ?? uriOf(workspace.root, path);
        seen.add(uri);
        void this.send(uri, messages);
      }
      // After a whole check, documents no longer in the corpus lose their diagnostics.
      if (recheck === 'all') for (const uri of this.published.keys()) if (!seen.has(uri)) void this.send(uri, []);
      if (this.options.debug) {
        const documents = workspace.graph.documents.length;
        const checked = recheck === 'all' ? documents : recheck.size;
        const heap = Math.round(process.memoryUsage().heapUsed / 1024 ** 2);
        this.connection.console.log(`capsule: checked ${checked} of ${documents} documents in ${Math.round(performance.now() - started)} ms (heap ${heap} MiB): ${recheck === 'all' ? 'all' : [...recheck].sort().join(', ')}`);
      }
    })().catch((error: unknown) => {
      this.connection.console.error(`capsule: checking failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    await this.linting;
    this.linting = undefined;
  }

  /** Publish a document's diagnostics unless they are what was last published; resolves once written. */
  private send(uri: string, messages: VFileMessage[]): Promise<void> {
    const diagnostics: Diagnostic[] = messages.map(toDiagnostic);
    const key = JSON.stringify(diagnostics);
    if ((this.published.get(uri) ?? '[]') === key) return Promise.resolve();
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, key);
    return this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  }

  /** The corpus path of a file URI inside the workspace root. */
  private pathOf(uri: string): string | undefined {
    const root = this.workspace?.root;
    if (!root || !uri.startsWith('file:')) return undefined;
    let absolute: string;
    try {
      absolute = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const inside = relative(root, absolute);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
    return inside.split(sep).join('/');
  }

  private targetAt(graph: KnowledgeGraph, params: TextDocumentPositionParams) {
    const path = this.pathOf(params.textDocument.uri);
    const document = path === undefined ? undefined : graph.document(path);
    if (!document || !this.workspace) return undefined;
    const offset = offsetOf(document, params.position);
    const target = targetAt(graph, document.path, offset);
    return target && { target, document, root: this.workspace.root, lines: TextDocument.create('', 'markdown', 0, document.text) };
  }

  /** Run a request against the current graph: before `initialize`, or when it throws, answer with an error. */
  private guard<P, R>(handler: (graph: KnowledgeGraph, params: P) => R): (params: P) => Promise<R | ResponseError<void>> {
    return async (params: P) => {
      if (!this.workspace) return new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized');
      await this.load();
      try {
        return handler(this.workspace.graph, params);
      } catch (error) {
        if (error instanceof ResponseError) return error as ResponseError<void>;
        return new ResponseError(ErrorCodes.InternalError, `capsule: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }
}

/** The folder the client opened: its first workspace folder, else its root. */
function folderOf(params: InitializeParams): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  if (uri) return fileURLToPath(uri);
  return params.rootPath ?? process.cwd();
}
