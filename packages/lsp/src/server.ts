/**
 * The language server: a connection over standard input and output, one live workspace (the
 * folder the client names), diagnostics republished after edits settle. Every request is
 * answered from the graph; one that fails answers with an error and the session goes on.
 */
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configFileNames, findConfigFile, FolderWatcher, isInside, type ConfigError, type CorpusScan, type KnowledgeGraph } from '@capsule-docs/graph';
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
import { diagnosticSource, toDiagnostic } from './diagnostics.js';
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

/** What a move planner answers: the edits that keep every link to the moved files, by their documents' paths before the move. */
/** A move's edits; `otherTexts` holds the text of each file edited that is no document, such as an MkDocs configuration. */
export type MovePlanner = (graph: KnowledgeGraph, moves: { from: string; to: string }[], root: string) => { changes: RenameEdit[]; otherTexts?: ReadonlyMap<string, string> };

export interface ServerOptions {
  /** The settings `capsule check` would use for a workspace folder. */
  settingsFor: (folder: string) => WorkspaceSettings;
  planRename: RenamePlanner;
  /** Plans the edits for files the editor is about to move (`workspace/willRenameFiles`). */
  planMove?: MovePlanner;
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
  /** The folder the client opened, where the configuration is looked for; `undefined` before `initialize`. */
  private folder: string | undefined;
  private workspace: LiveWorkspace | undefined;
  /** The configuration last read could not be used: the server tells why, and serves the last one that could, or nothing. */
  private configTrouble: { error: ConfigError; file: string | undefined } | undefined;
  /** The file the configuration's mistakes were last shown on, to clear when they move to another. */
  private troubleShownOn: string | undefined;
  /** A settings file changed: the settings, and with them the corpus, are read again before the next check. */
  private settingsWanted = false;
  /** The server's own watches on folders of settings files that no other watch covers, by folder. */
  private readonly settingsWatchers = new Map<string, FolderWatcher>();
  private readonly documents = new TextDocuments(TextDocument);
  /**
   * What was last published for each file (by the file, as editors read a URI: Eglot's
   * `notes%3Adraft.md` and Node's `notes:draft.md` are one), and under which URI.
   */
  private readonly published = new Map<string, { uri: string; key: string }>();
  /**
   * Files whose document was opened or edited since their findings were last sent: sent again
   * even when unchanged. Eglot and ALE keep no findings for a file no buffer visits, so those
   * published before it was opened would not show; and Eglot places findings at the buffer
   * offsets it reckoned when they came, and shows them there again after every edit, so a word
   * typed on a line above a finding, which moves no line or column the protocol counts, would
   * leave it misplaced.
   */
  private readonly editedSinceSent = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private linting: Promise<void> | undefined;
  /** The server's own watch on the corpus's folders, when the client offers none. */
  private watcher: FolderWatcher | undefined;
  private clientWatches = false;
  private reloadWanted = false;
  /** How many times the corpus was read again; a read after a watch began saw every change before it. */
  private reloads = 0;
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
    // Files renamed or moved in the editor (its file explorer): the links that reach them by
    // their paths are rewritten in the same edit, before the files move, as `capsule mv` does.
    const willRename = this.guard((graph, params: { files: { oldUri: string; newUri: string }[] }) => {
      const planMove = this.options.planMove;
      if (!planMove) return null;
      const moves = params.files.flatMap(({ oldUri, newUri }) => {
        const from = this.pathOf(oldUri);
        const to = this.pathOf(newUri);
        return from === undefined || to === undefined || from === to ? [] : [{ from, to }];
      });
      if (moves.length === 0) return null;
      const { changes, otherTexts } = planMove(graph, moves, this.workspace!.root);
      return changes.length === 0 ? null : workspaceEdit(graph, this.workspace!.root, changes, otherTexts);
    });
    connection.workspace.onWillRenameFiles(async (params) => {
      const answer = await willRename(params);
      // A move is never held up: when its edits cannot be planned, the files move without them.
      return answer instanceof ResponseError ? null : answer;
    });
    this.documents.listen(connection);
    connection.listen();
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    for (const watcher of this.settingsWatchers.values()) watcher.close();
  }

  private async initialize(params: InitializeParams): Promise<InitializeResult> {
    this.folder = folderOf(params);
    this.clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const settings = this.readSettings();
    if (settings) {
      const workspace = LiveWorkspace.unloaded(settings);
      const scan = await workspace.scan();
      this.stored = workspace.settings.stored?.(scan);
      this.workspace = workspace;
      this.scanned = scan;
    }
    // Every capability, even with a configuration that cannot be used: once it is mended the
    // server serves without a restart, and a client takes capabilities only from this answer.
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
        ...(this.options.planMove ? { workspace: { fileOperations: { willRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] } } } } : {}),
      },
      serverInfo: { name: 'capsule' },
    };
  }

  private initialized(): void {
    const listing = this.scanned?.fingerprint;
    if (this.clientWatches) {
      const watching = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
      if (!this.configTrouble) void watching.then(() => this.changedBeforeWatching(listing), () => undefined);
    }
    if (this.configTrouble) {
      void this.tellConfigTrouble();
      this.watchSettings();
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
      this.watchSettings();
    } else {
      // The folders to watch are those of the listing `initialize` scanned; the stored findings go out first.
      const listed = this.scanned?.files ?? [];
      void this.showing.then(() => {
        this.watchOwnFiles(listed);
        this.watchSettings();
        void this.changedBeforeWatching(listing);
      });
    }
    this.schedule();
  }

  /**
   * The load reads the listing `initialize` made, and the watch on the files begins after it
   * (the server's own once the stored findings are out, the client's once it took the
   * registration): a file created, changed or deleted in between (a branch checked out while
   * the editor starts) no watch reports. List the corpus again once the watch is on, and read it
   * again if it is not the corpus that was listed, unless a read since the watch began did.
   */
  private async changedBeforeWatching(listing: string | undefined): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || listing === undefined) return;
    const reloads = this.reloads;
    let now: CorpusScan;
    try {
      now = await workspace.scan();
    } catch {
      return;
    }
    if (now.fingerprint === listing || this.workspace !== workspace || this.reloads !== reloads) return;
    this.reloadWanted = true;
    this.schedule();
  }

  /** What `capsule check` would use in the folder; `undefined`, with the trouble noted, when its configuration cannot be used. */
  private readSettings(): WorkspaceSettings | undefined {
    const folder = this.folder!;
    try {
      const settings = this.options.settingsFor(folder);
      this.configTrouble = undefined;
      return settings;
    } catch (error) {
      // By name: the command and this package may each hold a copy of the graph package's class.
      if (!(error instanceof Error && error.name === 'ConfigError')) throw error;
      // A configuration broken while it is edited is told in the editor, at its places; a failed
      // `initialize` would have the editor give the server up. It is read again when saved.
      this.configTrouble = { error: error as ConfigError, file: findConfigFile(folder) };
      return undefined;
    }
  }

  /**
   * A settings file changed: read the settings and then the corpus again, with the open
   * documents' text, and check everything. A configuration that cannot be used is told and the
   * workspace read with the last one that could stays: a file saved half edited would otherwise
   * wipe every document's findings and stop navigation until it is mended.
   */
  private async rereadSettings(): Promise<void> {
    const settings = this.readSettings();
    if (!settings) {
      await this.tellConfigTrouble();
      this.watchSettings();
      return;
    }
    const workspace = LiveWorkspace.unloaded(settings);
    await workspace.reload();
    // The editor's text after the read, so that edits made while it read are in.
    for (const document of this.documents.all()) {
      const path = pathIn(workspace.root, document.uri);
      if (path !== undefined) workspace.setText(path, document.getText());
    }
    this.workspace = workspace;
    this.loading = Promise.resolve();
    this.reloadWanted = false;
    if (!this.clientWatches) {
      // The root, the cache folder and the listing may all have changed.
      this.watcher?.close();
      this.watcher = undefined;
      this.watchOwnFiles(workspace.listedFiles);
    }
    this.watchSettings();
    this.connection.console.log(`capsule: read the configuration again (${workspace.graph.documents.length} documents)`);
  }

  /** The configuration's mistakes, as a message and as diagnostics at their places in the file. */
  private async tellConfigTrouble(): Promise<void> {
    if (!this.configTrouble) return;
    const { error, file } = this.configTrouble;
    const consequence = this.workspace
      ? 'checking goes on with the last configuration that could be used until it is mended'
      : 'nothing is checked until the configuration is mended';
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `capsule: ${error.message.split('\n')[0]}; ${consequence}` });
    const uri = file === undefined ? undefined : pathToFileURL(file).href;
    if (this.troubleShownOn !== undefined && (uri === undefined || fileOf(this.troubleShownOn) !== fileOf(uri))) void this.sendDiagnostics(this.troubleShownOn, []);
    this.troubleShownOn = uri;
    if (uri === undefined) return;
    const diagnostics = error.problems.map(({ place, message }) => {
      const at = { line: place.line - 1, character: place.column - 1 };
      return { range: { start: at, end: at }, message, severity: 1 as const, source: diagnosticSource };
    });
    await this.sendDiagnostics(uri, diagnostics);
  }

  /** The files the settings were read from, and the configuration that could not be used. */
  private settingsFiles(): string[] {
    const files = [...(this.workspace?.settings.settingsFiles ?? [])];
    if (this.configTrouble?.file !== undefined) files.push(this.configTrouble.file);
    return files;
  }

  /** Whether a change to this file changes the settings: a configuration file where the search for one looks, or a file they were read from. */
  private isSettingsFile(uri: string): boolean {
    if (!uri.startsWith('file:') || this.folder === undefined) return false;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return false;
    }
    if ((configFileNames as readonly string[]).includes(basename(path)) && isInside(dirname(path), this.folder)) return true;
    return this.settingsFiles().includes(path);
  }

  /**
   * Watch the folder the client opened and those of the settings files where no other watch
   * does: the client's covers the folder it opened, the server's own the corpus's folders.
   */
  private watchSettings(): void {
    const opened = this.folder;
    if (opened === undefined) return;
    const wanted = new Set([opened, ...this.settingsFiles().map((file) => dirname(file))]);
    const covered = (folder: string) => (this.clientWatches ? isInside(opened, folder) : this.watcher?.watches(folder) === true);
    for (const [folder, watcher] of this.settingsWatchers) {
      if (wanted.has(folder) && !covered(folder)) continue;
      watcher.close();
      this.settingsWatchers.delete(folder);
    }
    for (const folder of wanted) {
      if (covered(folder) || this.settingsWatchers.has(folder)) continue;
      const watcher = new FolderWatcher(folder, (name) => {
        void this.filesChanged([{ uri: pathToFileURL(join(folder, name)).href, type: FileChangeType.Changed, unknown: true }]);
      });
      watcher.sync([]);
      this.settingsWatchers.set(folder, watcher);
    }
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
    if (!this.workspace.setText(path, document.getText())) return;
    this.editedSinceSent.add(fileOf(document.uri));
    this.schedule();
  }

  private async closed(document: TextDocument): Promise<void> {
    const path = this.pathOf(document.uri);
    if (path === undefined || !this.workspace) return;
    await this.workspace.closeText(path);
    this.schedule();
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType; unknown?: boolean }[]): Promise<void> {
    for (const change of changes) {
      // New settings read the corpus again too.
      if (this.isSettingsFile(change.uri)) {
        this.settingsWanted = true;
        continue;
      }
      if (!this.workspace) continue;
      const path = this.pathOf(change.uri);
      if (path === undefined) continue;
      // A new or deleted file changes what the corpus holds: read it all again. A folder watch
      // tells a deletion as a change (`unknown`), so a known file found gone is one too.
      if (change.type !== FileChangeType.Changed || !this.workspace.has(path)) this.reloadWanted = true;
      else if (!(await this.workspace.fileChanged(path))) this.reloadWanted = true;
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
      if (this.settingsWanted) {
        this.settingsWanted = false;
        await this.rereadSettings();
      }
      const workspace = this.workspace;
      if (!workspace) return;
      if (this.reloadWanted) {
        this.reloadWanted = false;
        this.reloads += 1;
        await workspace.reload();
        this.watcher?.sync(workspace.listedFiles);
        this.watchSettings();
        this.connection.console.log(`capsule: read the corpus again (${workspace.graph.documents.length} documents)`);
      }
      const started = performance.now();
      const recheck = workspace.takeRecheck();
      if (recheck !== 'all' && recheck.size === 0) return;
      const result = workspace.lint(recheck === 'all' ? undefined : recheck);
      // Files, not URIs: an open document's URI may spell its file otherwise than `uriOf` does.
      const seen = new Set<string>();
      const open = new Map(this.documents.all().flatMap((document) => {
        const path = this.pathOf(document.uri);
        return path === undefined ? [] : [[path, document.uri] as const];
      }));
      for (const { path, messages } of result.files) {
        const uri = open.get(path) ?? uriOf(workspace.root, path);
        seen.add(fileOf(uri));
        void this.send(uri, messages, this.editedSinceSent.delete(fileOf(uri)));
      }
      // After a whole check, documents no longer in the corpus lose their diagnostics, and so
      // does a configuration once it is mended; its mistakes stay while they stand.
      const trouble = this.configTrouble && this.troubleShownOn !== undefined ? fileOf(this.troubleShownOn) : undefined;
      if (recheck === 'all') for (const [file, { uri }] of this.published) if (!seen.has(file) && file !== trouble) void this.send(uri, []);
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

  /** Publish a document's findings unless they are what was last published (or `always`); resolves once written. */
  private send(uri: string, messages: VFileMessage[], always = false): Promise<void> {
    return this.sendDiagnostics(uri, messages.map(toDiagnostic), always);
  }

  private sendDiagnostics(uri: string, diagnostics: Diagnostic[], always = false): Promise<void> {
    const key = JSON.stringify(diagnostics);
    const file = fileOf(uri);
    if (!always && (this.published.get(file)?.key ?? '[]') === key) return Promise.resolve();
    if (diagnostics.length === 0) this.published.delete(file);
    else this.published.set(file, { uri, key });
    return this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  }

  /** The corpus path of a file URI inside the workspace root. */
  private pathOf(uri: string): string | undefined {
    const root = this.workspace?.root;
    return root ? pathIn(root, uri) : undefined;
  }

  private targetAt(graph: KnowledgeGraph, params: TextDocumentPositionParams) {
    const path = this.pathOf(params.textDocument.uri);
    const document = path === undefined ? undefined : graph.document(path);
    if (!document || !this.workspace) return undefined;
    const offset = offsetOf(document, params.position);
    const target = targetAt(graph, document.path, offset);
    return target && { target, document, root: this.workspace.root, lines: TextDocument.create('', 'markdown', 0, document.text) };
  }

  /**
   * Run a request against the current graph: before `initialize`, or when it throws, answer with
   * an error; with no configuration that could be used yet, answer that there is nothing.
   */
  private guard<P, R>(handler: (graph: KnowledgeGraph, params: P) => R): (params: P) => Promise<R | null | ResponseError<void>> {
    return async (params: P) => {
      if (this.folder === undefined) return new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized');
      if (!this.workspace) return null;
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

/** The path, relative to `root` with `/` between its parts, of a file URI inside it. */
function pathIn(root: string, uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
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

/** The file a URI names, or the URI itself when it names none: editors show one file's diagnostics whichever way its URI is spelt. */
function fileOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** The folder the client opened: its first workspace folder, else its root. */
function folderOf(params: InitializeParams): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  if (uri) return fileURLToPath(uri);
  return params.rootPath ?? process.cwd();
}
