/**
 * The VS Code side of `capsule lsp`: starts the language server for Markdown files and hands
 * it the workspace. Everything the editor shows comes from the server; this file only
 * decides how to start it (the `capsule.command` setting) and restarts it when that changes.
 */
import { workspace, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The configured command, program first; `lsp --stdio` goes after it. */
export function serverCommand(configured: unknown): { command: string; args: string[] } {
  const parts = Array.isArray(configured) ? configured.filter((part): part is string => typeof part === 'string' && part !== '') : [];
  const [command = 'capsule', ...args] = parts;
  return { command, args: [...args, 'lsp'] };
}

async function start(context: ExtensionContext): Promise<void> {
  const { command, args } = serverCommand(workspace.getConfiguration('capsule').get('command'));
  // The transport adds `--stdio` to the arguments.
  const server: ServerOptions = { command, args, transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  const options: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{md,markdown,json,yaml,yml}') },
  };
  client = new LanguageClient('capsule', 'Capsule documents', server, options);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(`Capsule: could not start \`${[command, ...args, '--stdio'].join(' ')}\`: ${error instanceof Error ? error.message : String(error)}. Set \`capsule.command\`.`);
  }
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('capsule.command')) return;
      await client?.stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
