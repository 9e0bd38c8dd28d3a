/**
 * The Model Context Protocol server: tools to search capsules, fetch one with its SeeAlso
 * neighbourhood fitted to a token budget, and read checklists; every capsule and document
 * as a resource. It reads the graph through a getter, so a reload is seen by the next call.
 */
import { readFileSync } from 'node:fs';
import { readerSource, wasParsed, type KnowledgeGraph } from '@capsule-docs/graph';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, ListResourcesRequestSchema, type CallToolResult, type Resource, type ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { createBundle } from '../bundle.js';
import { documentDescription, documentTitle } from '../corpus-info.js';
import { ExportError } from '../errors.js';
import { knowledgeCapsules, publishedDocuments } from '../knowledge.js';
import { encodePath } from '../markdown.js';
import { normalizeNewlines, oneLine, partSource, sliceSpan } from '../part-markdown.js';
import type { TokenCounter } from '../tokens.js';
import { checklistFor, searchCapsules } from './queries.js';

const version: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export interface CapsuleServerOptions {
  /**
   * The current graph; called on every request. A promise while the corpus is first read: the
   * server answers `initialize` at once, and the first requests wait for the graph.
   */
  graph: () => KnowledgeGraph | Promise<KnowledgeGraph>;
  counter: TokenCounter;
  /** How many resources one `resources/list` answer holds at most; the rest follow a cursor. */
  resourcesPerPage?: number;
}

/**
 * A listing's page: a corpus of 1,887 documents listed in one answer came to 550 kB, and one of
 * 75,000 would be tens of megabytes in a single message.
 */
export const defaultResourcesPerPage = 1000;

/** How many checklist items `get_checklist` gives unless asked for more, and at most. */
const defaultChecklistItems = 100;
const maxChecklistItems = 1000;

/** The default room `get_capsule` gives a capsule and its neighbourhood. */
export const defaultCapsuleBudget = 4000;

/** Every tool only reads the corpus, and the corpus is all it reads. */
const readOnly: ToolAnnotations = { readOnlyHint: true, idempotentHint: true, openWorldHint: false };

/**
 * A request the server refuses. The SDK sends a thrown error's `message` and `code` as they
 * are, and its client prefixes `MCP error <code>:` on arrival; its own `McpError` carries that
 * prefix already, so the client would show it twice.
 */
class RequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function createCapsuleServer(options: CapsuleServerOptions): McpServer {
  const server = new McpServer(
    { name: 'capsule-docs', version },
    {
      instructions:
        'Capsules are named rules, each with an invariant, an example and depth. Use search_capsules to find them, get_capsule for one with its related capsules, and get_checklist for what to verify.',
    },
  );

  registerSearch(server, options);
  registerGetCapsule(server, options);
  registerGetChecklist(server, options);
  registerCapsuleResources(server, options);
  registerDocumentResources(server, options);
  listResourcesInPages(server, options);
  return server;
}

/** `search_capsules`: capsules by words, tag or category, best match first. */
function registerSearch(server: McpServer, options: CapsuleServerOptions): void {
  server.registerTool(
    'search_capsules',
    {
      title: 'Search capsules',
      annotations: readOnly,
      description: 'Find capsules by words in their name, invariant, example or depth, optionally within a tag or category. Returns names, invariants and sources, best match first.',
      inputSchema: {
        query: z.string().optional().describe('Words to look for; every word must match. Leave out to list capsules.'),
        tag: z.string().optional().describe('Only capsules in documents with this tag.'),
        category: z.string().optional().describe('Only capsules in documents of this category (name without the strength).'),
        limit: z.number().int().min(1).max(200).optional().describe('At most this many results (default 20).'),
      },
      outputSchema: {
        results: z.array(
          z.object({ name: z.string(), invariant: z.string().optional(), document: z.string(), line: z.number().int() }),
        ),
      },
    },
    (search) =>
      answer(options, (graph) => {
        const hits = searchCapsules(graph, search);
        const results = hits.map(({ name, invariant, document, line }) => ({ name, invariant, document, line }));
        // Over a corpus without capsules, other words would find nothing either: say so, and where its text is.
        const none =
          graph.capsules.length === 0
            ? `The corpus has no capsules to search. Its ${graph.documents.length === 1 ? 'document is a resource' : `${graph.documents.length} documents are resources`}, read whole at \`capsule-doc://<path>\`.`
            : 'No capsule matches.';
        const text =
          hits.length === 0
            ? none
            : hits.map((hit) => `- ${hit.name}: ${hit.invariant ?? '(no invariant)'} (${hit.document}:${hit.line})`).join('\n');
        return { content: [{ type: 'text', text }], structuredContent: { results } };
      }),
  );
}

/** `get_capsule`: one capsule with its SeeAlso neighbourhood, fitted to a token budget. */
function registerGetCapsule(server: McpServer, options: CapsuleServerOptions): void {
  server.registerTool(
    'get_capsule',
    {
      title: 'Get a capsule',
      annotations: readOnly,
      description:
        'One capsule with its SeeAlso neighbourhood as Markdown, fitted to a token budget: the capsule whole first, then its neighbours (invariants, then examples, then depth); what does not fit is named at the end. A budget too small for the capsule itself is an error naming the smallest that fits.',
      inputSchema: {
        name: z.string().describe('The capsule name, e.g. IdeaCapture.'),
        depth: z.number().int().min(0).max(10).optional().describe('SeeAlso steps to include (default 1).'),
        budget: z.number().int().min(1).optional().describe(`Token budget for the whole answer (default ${defaultCapsuleBudget}).`),
      },
    },
    ({ name, depth, budget }) =>
      answer(options, (graph) => {
        const result = createBundle(graph, {
          format: 'markdown',
          selection: { capsules: [name], depth: depth ?? 1 },
          counter: options.counter,
          budget: budget ?? defaultCapsuleBudget,
        });
        return { content: [{ type: 'text', text: result.output }] };
      }),
  );
}

/** `get_checklist`: a document's checklist, or every item citing a capsule. */
function registerGetChecklist(server: McpServer, options: CapsuleServerOptions): void {
  server.registerTool(
    'get_checklist',
    {
      title: 'Get a checklist',
      annotations: readOnly,
      description: "A document's verification checklist, or every checklist item citing a capsule, with where each cited capsule is defined.",
      inputSchema: {
        document: z.string().optional().describe('A document path relative to the corpus root.'),
        capsule: z.string().optional().describe('A capsule name: the items that cite it.'),
        limit: z.number().int().min(1).max(maxChecklistItems).optional().describe(`At most this many items (default ${defaultChecklistItems}).`),
      },
      outputSchema: {
        items: z.array(
          z.object({
            text: z.string().describe('The item as plain text.'),
            markdown: z.string().describe('The item as written, on one line: code spans, emphasis and links kept, links pointed from the corpus root.'),
            checked: z.boolean(),
            document: z.string(),
            line: z.number().int(),
            section: z.string().optional(),
            cites: z.array(z.object({ name: z.string(), document: z.string().optional(), line: z.number().int().optional() })),
          }),
        ),
        left: z.number().int().optional().describe('How many more items there are beyond the limit.'),
      },
    },
    ({ limit, ...query }) =>
      answer(options, (graph) => {
        const found = checklistFor(graph, query);
        // A capsule cited across a large corpus has as many items as it has citations: the answer is bounded.
        const items = found.slice(0, limit ?? defaultChecklistItems);
        const left = found.length - items.length;
        const lines = items.map((item) => {
          const cites = item.cites.map((cite) => (cite.document ? `${cite.name} (${cite.document}:${cite.line})` : `${cite.name} (not found)`));
          return `- [${item.checked ? 'x' : ' '}] ${item.markdown} (${item.document}:${item.line})${cites.length > 0 ? `\n  cites: ${cites.join(', ')}` : ''}`;
        });
        const narrower = query.document === undefined ? 'name a document, or give a larger limit' : 'give a larger limit';
        if (left > 0) lines.push(`(${left} more ${left === 1 ? 'item' : 'items'} not shown: ${narrower}, at most ${maxChecklistItems}.)`);
        const text = items.length === 0 ? noChecklistItems(query) : lines.join('\n');
        return { content: [{ type: 'text', text }], structuredContent: { items, ...(left > 0 ? { left } : {}) } };
      }),
  );
}

/** Why `get_checklist` found nothing: the document has no checklist, or none of its items (or none at all) cites the capsule. */
function noChecklistItems({ document, capsule }: { document?: string | undefined; capsule?: string | undefined }): string {
  if (capsule === undefined) return `\`${document}\` has no checklist.`;
  return document === undefined ? `No checklist item cites \`${capsule}\`.` : `No item of \`${document}\`'s checklist cites \`${capsule}\`.`;
}

/** `capsule://Name`: each capsule section as written. */
function registerCapsuleResources(server: McpServer, options: CapsuleServerOptions): void {
  server.registerResource(
    'capsule',
    new ResourceTemplate('capsule://{name}', { list: undefined }),
    { title: 'Capsule', description: capsuleResourceDescription, mimeType: 'text/markdown' },
    async (uri, variables) => {
      const name = safeDecode(String(variables['name']));
      const graph = await options.graph();
      const node = graph.capsule(name);
      if (!node) throw new RequestError(ErrorCode.InvalidParams, `No capsule is named \`${name}\``);
      const text = sliceSpan(graph.document(node.document)!, node.capsule.position);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `${text.trimEnd()}\n` }] };
    },
  );
}

/** `capsule-doc://path`: each document as written. */
function registerDocumentResources(server: McpServer, options: CapsuleServerOptions): void {
  server.registerResource(
    'document',
    new ResourceTemplate('capsule-doc://{+path}', { list: undefined }),
    { title: 'Document', description: documentResourceDescription, mimeType: 'text/markdown' },
    async (uri, variables) => {
      const path = String(variables['path'])
        .split('/')
        .map((segment) => safeDecode(segment))
        .join('/');
      const document = (await options.graph()).document(path);
      if (!document) throw new RequestError(ErrorCode.InvalidParams, `No document \`${path}\` in the corpus`);
      // A file the reader refused (a link out of the root, a binary file) has no text to give:
      // an empty answer would pass for an empty document.
      if (!wasParsed(document)) {
        const encrypted = document.model.encrypted === 'sops' ? 'SOPS' : document.model.encrypted;
        const reason = encrypted
          ? `it is encrypted (${encrypted}), and holds no text to read until it is decrypted`
          : (document.messages.find((message) => message.source === readerSource)?.reason ?? 'it could not be read');
        throw new RequestError(ErrorCode.InvalidParams, `The document \`${path}\` was not read: ${reason.replace(/\.$/, '')}`);
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: normalizeNewlines(document.text) }] };
    },
  );
}

const capsuleResourceDescription = 'A capsule section as written in its document.';
const documentResourceDescription = 'A capsule document as written, frontmatter included.';

/** Every capsule (each name once) and every published document, as resources. */
function corpusResources(graph: KnowledgeGraph): Resource[] {
  const seen = new Set<string>();
  const capsules = knowledgeCapsules(graph).flatMap((node) => {
    if (seen.has(node.name)) return [];
    seen.add(node.name);
    const invariant = partSource(graph.document(node.document)!, node.capsule.invariant);
    return [{ uri: capsuleUri(node.name), name: node.name, title: node.name, description: invariant ? oneLine(invariant.markdown) : capsuleResourceDescription, mimeType: 'text/markdown' }];
  });
  const documents = publishedDocuments(graph).map((document) => ({
    uri: documentUri(document.path),
    name: document.path,
    title: documentTitle(graph, document.path),
    // A skill's or a page's own description tells a client what the document is for.
    description: documentDescription(graph, document.path) ?? documentResourceDescription,
    mimeType: 'text/markdown',
  }));
  return [...capsules, ...documents];
}

/**
 * `resources/list` in pages, as the protocol lets a server answer it: the SDK's own answer
 * holds every resource at once. Its handler is replaced once the resources are registered,
 * which is when the SDK installs it. A cursor is the position the next page starts at.
 */
function listResourcesInPages(server: McpServer, options: CapsuleServerOptions): void {
  const perPage = options.resourcesPerPage ?? defaultResourcesPerPage;
  server.server.setRequestHandler(ListResourcesRequestSchema, async (request) => {
    const resources = corpusResources(await options.graph());
    const cursor = request.params?.cursor;
    const start = cursor === undefined ? 0 : /^(0|[1-9]\d{0,15})$/.test(cursor) ? Number(cursor) : Number.NaN;
    // A position past the end is a listing that shrank since the cursor was given: nothing is left.
    if (Number.isNaN(start)) throw new RequestError(ErrorCode.InvalidParams, `Unknown cursor \`${cursor!.slice(0, 40)}\`: give the nextCursor of an earlier answer, or none for the first page`);
    const end = start + perPage;
    return { resources: resources.slice(start, end), ...(end < resources.length ? { nextCursor: String(end) } : {}) };
  });
}

export function capsuleUri(name: string): string {
  return `capsule://${encodeURIComponent(name)}`;
}

export function documentUri(path: string): string {
  return `capsule-doc://${encodePath(path)}`;
}

/** Run a tool body; a request the corpus cannot answer becomes a tool error the model can read. */
/** A tool's answer from the graph, once it is read; an `ExportError` is the tool's error, not the protocol's. */
async function answer(options: CapsuleServerOptions, body: (graph: KnowledgeGraph) => CallToolResult): Promise<CallToolResult> {
  const graph = await options.graph();
  try {
    return body(graph);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return { isError: true, content: [{ type: 'text', text: `${error.message}.${error.hint ? ` ${error.hint}` : ''}` }] };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
