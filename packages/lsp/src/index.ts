/**
 * `@capsule-docs/lsp`: a Language Server Protocol server for capsule documents over the same
 * graph, configuration and rules as `capsule check`. `capsule lsp --stdio` starts it.
 */
export { startServer, type MovePlanner, type ServerOptions, type RenamePlanner } from './server.js';
export type { WorkspaceSettings } from './workspace.js';
export type { RenameEdit } from './features.js';
