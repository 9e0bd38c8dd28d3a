/** The MCP server, kept apart from the export formats so that loading them stays light. */
export { createCapsuleServer, capsuleUri, documentUri, defaultCapsuleBudget, type CapsuleServerOptions } from './server.js';
export { serveStdio, type StdioServeOptions } from './stdio.js';
export { LiveCorpus, type LiveCorpusOptions } from './live-corpus.js';
export { searchCapsules, checklistFor, type SearchQuery, type SearchHit, type ChecklistQuery, type ChecklistEntry } from './queries.js';
