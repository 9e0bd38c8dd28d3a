/**
 * A JSON-RPC client driving the real `capsule lsp --stdio` process, as an editor would:
 * initialize, open and edit documents, send requests, and wait for the diagnostics the
 * server publishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { capsuleBin } from '../cli/helpers.js';

const running: LanguageClient[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((client) => client.stop()));
});

export class LanguageClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every URI diagnostics were published for, in order (one entry per notification). */
  readonly published: string[] = [];
  /** Every diagnostics notification, in order. */
  readonly history: PublishDiagnosticsParams[] = [];
  /** What the server logged to the client. */
  readonly log: string[] = [];
  /** What the server showed the user. */
  readonly shown: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  exitCode: number | null | undefined;

  private constructor(
    readonly root: string,
    private readonly process: ChildProcess,
  ) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.published.push(params.uri);
      this.history.push(params);
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.log.push(params.message));
    this.connection.onNotification('window/showMessage', (params: { message: string }) => this.shown.push(params.message));
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    process.on('exit', (code) => (this.exitCode = code));
    this.connection.listen();
  }

  /** Start the server in `root` without initializing it; `command` runs `capsule` (default: this repository's build). */
  static spawn(root: string, command: string[] = [process.execPath, capsuleBin], env?: Record<string, string>): LanguageClient {
    const [program, ...args] = command as [string, ...string[]];
    const child = spawn(program, [...args, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const client = new LanguageClient(root, child);
    running.push(client);
    return client;
  }

  /** Start the server and initialize it on `root`. */
  static async start(root: string, capabilities: object = {}, command?: string[], env?: Record<string, string>): Promise<LanguageClient> {
    const client = LanguageClient.spawn(root, command, env);
    await client.initialize(capabilities);
    return client;
  }

  async initialize(capabilities: object = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'corpus' }],
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  async open(path: string, text = readFileSync(join(this.root, path), 'utf8'), languageId = 'markdown'): Promise<void> {
    this.versions.set(path, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId, version: 1, text } });
  }

  /** Replace an open document's whole text, as an unsaved edit. */
  async change(path: string, text: string): Promise<void> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Wait until the diagnostics of `path` satisfy `test`; fail after a while. */
  async diagnosticsOf(path: string, test: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && test(current)) return current;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Diagnostics of ${path} never matched; last: ${JSON.stringify(current)}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Wait until `test` holds, checked whenever diagnostics are published; fail after a while. */
  async untilPublished(test: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`The diagnostics published never matched\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Ask again until the answer is not null (edits are applied after a short pause); fail after a while. */
  async eventually<R>(ask: () => Promise<R | null>, timeoutMs = 10_000): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await ask();
      if (answer !== null) return answer;
      if (Date.now() > deadline) throw new Error(`No answer within ${timeoutMs} ms\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Go away as a crashed editor does: the server's input closes, with no `shutdown` or `exit`. */
  abandon(): void {
    this.process.stdin!.end();
  }

  /** Whether the server's process ends within `timeoutMs`. */
  async exitsWithin(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.exitCode === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.exitCode !== undefined;
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.connection.dispose();
    if (this.exitCode === undefined) this.process.kill();
  }
}
