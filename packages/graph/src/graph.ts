/**
 * The knowledge graph: documents, capsules, tags and categories as nodes; SeeAlso,
 * checklist citations, document links and prose mentions as edges, every reference
 * resolved across the whole corpus. Built once from parsed documents; no I/O, no parsing.
 */
import { isMdxPath, type Capsule, type Reference, type SiteAnchorStyle, type Span } from 'remark-capsules';
import type { CorpusDocument } from './document.js';
import { titleOf } from './title.js';
import picomatch from 'picomatch';
import { posix } from 'node:path';
import { definitionsFirst } from './stub-copies.js';
import { decodePath, docsResourceCandidates, repositoryPageOf, resolveCorpusPath, resolveRepositoryPath } from './paths.js';
import type { Redirection, Redirections } from './redirections.js';
import { siteRoutes, type SiteConfigs, type SiteRoutes } from './site-routes.js';
import { SuggestionIndex } from './suggest.js';

export type EdgeKind = 'see-also' | 'cites' | 'links-to' | 'mentions';

/**
 * How a reference ended: `unknown-name` names no capsule; `missing-document` names a
 * document outside the checked set; `external` is free text or a URL (not a capsule
 * reference at all); `outside-root` would leave the corpus and is never followed.
 */
export type EdgeStatus = 'resolved' | 'unknown-name' | 'missing-document' | 'external' | 'outside-root';

/** A folder on the writer's machine that holds the repository (see `KnowledgeGraph.machineRepositoryFolders`): its path, in lower case, and whether its paths are read from the repository's top rather than the corpus root. */
export interface MachineRepositoryFolder {
  path: string;
  fromTop: boolean;
}

export interface CapsuleNode {
  /** `document#name`: unique even when two documents define the same name. */
  id: string;
  name: string;
  document: string;
  capsule: Capsule;
}

export interface Edge {
  kind: EdgeKind;
  /**
   * The capsule name (see-also, or a mention inside a capsule) or the document path (a
   * checklist citation, a link, a mention outside capsules, or the document's own See Also).
   */
  from: string;
  /** The capsule the reference is written in, if any. */
  fromCapsule: CapsuleNode | undefined;
  /** The target as written, without backticks, qualifier or trailing punctuation. */
  target: string;
  qualifier: string | undefined;
  anchor: string | undefined;
  /** A SeeAlso item's trailing prose (`Name — a note`). */
  note: string | undefined;
  status: EdgeStatus;
  /** Why a reference did not resolve, for people. */
  reason: string | undefined;
  /** The document the reference is written in, and where. */
  document: string;
  position: Span;
  /** The capsule it resolved to. */
  to: CapsuleNode | undefined;
  /** The document it resolved to (the capsule's document for capsule targets). */
  toDocument: string | undefined;
  /** The line or sentence that makes the reference, for backlinks. */
  context: string;
}

export interface Category {
  name: string;
  strength: number | undefined;
}

/** Parse `Name[NN%]`; a category without a strength keeps its whole text as the name. */
export function parseCategory(text: string): Category {
  const match = /^\s*(.*?)\s*\[\s*(\d{1,3})\s*%\s*\]\s*$/.exec(text);
  if (!match) return { name: text.trim(), strength: undefined };
  return { name: match[1] ?? '', strength: Number(match[2]) };
}

export interface GraphInput {
  documents: CorpusDocument[];
  /** Every file under the root (documents and assets), for links to non-Markdown files. */
  files?: Iterable<string>;
  /**
   * Every capsule name of the corpus, when `documents` are only part of it (a neighbourhood,
   * see `loadNeighbourhood`): `names()` lists these, so suggestions are the whole corpus's.
   */
  names?: Iterable<string>;
  /**
   * The root's path inside the repository that holds it, when `files` also lists the
   * repository's files outside the root (as `../`-relative paths): links may reach those.
   */
  rootInRepository?: string;
  /** Whether a root-relative path is left out by a `.gitignore` (see `CorpusScan.ignoredByGit`). */
  ignoredByGit?: (path: string) => boolean;
  /** Whether such a path is there on this machine (see `CorpusScan.ignoredHere`). */
  ignoredHere?: (path: string) => boolean;
  /** The files the repository's redirection files say moved (see `redirectionsOf`). */
  redirections?: Redirections;
  /** The site configurations read, by path (see `CorpusScan.siteConfigs`). */
  siteConfigs?: SiteConfigs;
  /** The Markdown files TypeDoc takes into doc comments, with the source files naming each (see `CorpusScan.typedocIncludes`). */
  typedocIncludes?: ReadonlyMap<string, readonly string[]>;
  /** Where the symbolic links among the files lead (see `CorpusScan.symlinkTargets`). */
  symlinkTargets?: ReadonlyMap<string, string>;
  /**
   * Folders under the root that could not be read (root-relative): what is in them is not
   * known, so a link into one is taken to lead somewhere rather than to nothing.
   */
  unreadableFolders?: readonly string[];
  /**
   * The folders of the repository's git submodules (root-relative, see `CorpusScan.submodules`):
   * one whose files this clone does not hold has not been fetched, so a link into it is taken
   * to lead somewhere, as one into a folder that could not be read is.
   */
  submodules?: readonly string[];
}

export class KnowledgeGraph {
  readonly documents: CorpusDocument[];
  readonly capsules: CapsuleNode[] = [];
  readonly edges: Edge[] = [];
  readonly files: ReadonlySet<string>;
  private readonly documentsByPath = new Map<string, CorpusDocument>();
  private readonly capsulesByName = new Map<string, CapsuleNode[]>();
  private readonly incoming = new Map<string, Edge[]>();
  private readonly outgoing = new Map<string, Edge[]>();
  private readonly folders: ReadonlySet<string>;
  /** The files and folders by their path in lower case (the first of each), made when a Windows path first needs them. */
  private pathsInLowerCase?: Map<string, string>;
  private readonly nodeOf = new Map<Capsule, CapsuleNode>();
  private readonly corpusNames: ReadonlySet<string> | undefined;
  /** The root's path inside the repository that holds it; undefined when none was found (links may not leave the root then). */
  readonly rootInRepository: string | undefined;
  private readonly ignoredByGit: ((path: string) => boolean) | undefined;
  private readonly ignoredHere: ((path: string) => boolean) | undefined;
  private readonly redirections: Redirections | undefined;
  private readonly siteConfigs: SiteConfigs | undefined;
  private readonly typedocIncludes: ReadonlyMap<string, readonly string[]> | undefined;
  private readonly symlinks: ReadonlyMap<string, string> | undefined;
  private readonly unreadableFolders: readonly string[];
  /** The submodules' folders that hold no file here: not fetched in this clone. */
  private readonly unfetchedSubmodules: readonly string[];
  /** Each document's edges, in the order `edges` holds them: what `replaceDocuments` swaps. */
  private readonly edgesByDocument = new Map<string, Edge[]>();
  /** Documents by the capsule names they reference, cite or mention; made by the first `replaceDocuments`. */
  private referrers: Map<string, Set<string>> | undefined;
  /** The did-you-mean index of `names()`, kept until a replacement changes the names. */
  private nameIndex: SuggestionIndex | undefined;
  /** The wikis and Docusaurus sites among the files (see `siteRoutes`), made when a link first needs them (`null`: none). */
  private sites: SiteRoutes | null | undefined;
  /** Each document another takes in whole (see `CapsuleDocument.includes`), to the documents taking it in; made when first asked. */
  private includers: Map<string, string[]> | undefined;
  /** The documents agents read by their place (see `agentFileByPlace`), by their text; made when a link first needs them. */
  private agentCopies: Map<string, string[]> | undefined;

  constructor(input: GraphInput) {
    this.documents = [...input.documents].sort((a, b) => compare(a.path, b.path));
    // A set that already holds every document is shared as it is (graphs of parts of one
    // corpus share its file list); anything else is copied.
    const given = input.files;
    const files = given instanceof Set && this.documents.every((document) => given.has(document.path)) ? (given as Set<string>) : new Set(given ?? []);
    for (const document of this.documents) {
      if (files !== given) files.add(document.path);
      this.documentsByPath.set(document.path, document);
      for (const capsule of document.model.capsules) {
        if (capsule.name === '') continue;
        const node: CapsuleNode = { id: `${document.path}#${capsule.name}`, name: capsule.name, document: document.path, capsule };
        this.capsules.push(node);
        this.nodeOf.set(capsule, node);
        const named = this.capsulesByName.get(capsule.name);
        if (named) named.push(node);
        else this.capsulesByName.set(capsule.name, [node]);
      }
    }
    // A stub copy of a capsule (in an agent file) is not where its name leads.
    for (const [name, nodes] of this.capsulesByName) this.capsulesByName.set(name, definitionsFirst(nodes));
    this.files = files;
    this.rootInRepository = input.rootInRepository;
    this.ignoredByGit = input.ignoredByGit;
    this.ignoredHere = input.ignoredHere;
    this.redirections = input.redirections;
    this.siteConfigs = input.siteConfigs;
    this.typedocIncludes = input.typedocIncludes;
    this.symlinks = input.symlinkTargets;
    this.unreadableFolders = (input.unreadableFolders ?? []).filter((folder) => folder !== '');
    // Shared like the file set: graphs of parts of one corpus all carry its names.
    this.corpusNames = input.names instanceof Set ? (input.names as ReadonlySet<string>) : input.names && new Set(input.names);
    this.folders = foldersOf(files);
    this.unfetchedSubmodules = (input.submodules ?? []).filter((folder) => folder !== '' && !this.folders.has(folder) && !files.has(folder));
    for (const document of this.documents) {
      const edges = this.edgesOf(document);
      this.edgesByDocument.set(document.path, edges);
      for (const edge of edges) this.edges.push(edge);
    }
    for (const edge of this.edges) {
      if (edge.to) push(this.incoming, edge.to.id, edge);
      if (edge.fromCapsule) push(this.outgoing, edge.fromCapsule.id, edge);
    }
  }

  /**
   * Put new versions of documents of this graph in place of the old (same paths; the file
   * list stays as it is) and resolve again only the references a change can reach: those
   * of the changed documents and of every document naming a capsule name the changed
   * documents define or defined. The graph then equals one built afresh from the documents.
   * Returns the paths of the documents whose edges were made again.
   */
  replaceDocuments(changed: readonly CorpusDocument[]): Set<string> {
    // A page's frontmatter (`id`, `slug`) may move its route; other documents leave the routes as they are.
    if (this.sites && changed.some((document) => this.sites!.serves(document.path))) this.sites = undefined;
    // The documents a changed page took in or takes in now read their links from it, or no longer do.
    const refragmented = new Set<string>();
    for (const document of changed) {
      const previous = this.documentsByPath.get(document.path);
      for (const model of [previous?.model, document.model]) for (const fragment of this.includedDocuments(document.path, model?.includes)) refragmented.add(fragment);
    }
    if (refragmented.size > 0) this.includers = undefined;
    // A copy an agent reads that changed its text: the documents it was or is a copy of read their links from it, or no longer do.
    const recopied = new Set<string>();
    for (const document of changed) {
      const previous = this.documentsByPath.get(document.path);
      if (!agentFileByPlace(document.path) || previous?.text === document.text) continue;
      this.agentCopies = undefined;
      for (const other of this.documents) {
        if (other.text !== '' && (other.text === previous?.text || other.text === document.text) && !agentFileByPlace(other.path)) recopied.add(other.path);
      }
    }
    const referrers = (this.referrers ??= referrerIndex(this.documents));
    const names = new Set<string>();
    const changedPaths = new Set<string>();
    for (const document of changed) {
      const previous = this.documentsByPath.get(document.path);
      if (!previous) throw new Error(`\`${document.path}\` is not a document of this graph`);
      changedPaths.add(document.path);
      for (const capsule of previous.model.capsules) if (capsule.name !== '') names.add(capsule.name);
      for (const capsule of document.model.capsules) if (capsule.name !== '') names.add(capsule.name);
      for (const name of referencedNames(previous.model)) referrers.get(name)?.delete(document.path);
      for (const name of referencedNames(document.model)) push(referrers, name, document.path, true);
    }
    // Documents whose edges may resolve differently: the changed ones, those naming a touched name, and the fragments they take in.
    const rewired = new Set([...changedPaths, ...recopied, ...[...refragmented].filter((path) => this.documentsByPath.has(path))]);
    for (const name of names) for (const path of referrers.get(name) ?? []) rewired.add(path);

    // The capsule nodes: the changed documents' old ones out, their new ones in, each
    // document's run of the corpus-ordered list found by its path and spliced in place.
    for (const document of changed) {
      const previous = this.documentsByPath.get(document.path)!;
      for (const capsule of previous.model.capsules) this.nodeOf.delete(capsule);
      this.documentsByPath.set(document.path, document);
      this.documents[pathRange(this.documents, document.path, (item) => item.path).start] = document;
      const nodes: CapsuleNode[] = [];
      for (const capsule of document.model.capsules) {
        if (capsule.name === '') continue;
        const node = { id: `${document.path}#${capsule.name}`, name: capsule.name, document: document.path, capsule };
        this.nodeOf.set(capsule, node);
        nodes.push(node);
      }
      spliceRun(this.capsules, pathRange(this.capsules, document.path, (node) => node.document), nodes);
    }
    for (const name of names) {
      // In corpus order (path, then place in the document), as the constructor lists them.
      const nodes = (this.capsulesByName.get(name) ?? []).filter((node) => !changedPaths.has(node.document));
      for (const document of changed) {
        for (const capsule of document.model.capsules) if (capsule.name === name) nodes.push(this.nodeOf.get(capsule)!);
      }
      const order = (node: CapsuleNode) => this.documentsByPath.get(node.document)!.model.capsules.indexOf(node.capsule);
      nodes.sort((a, b) => compare(a.document, b.document) || order(a) - order(b));
      if ((nodes.length > 0) !== this.capsulesByName.has(name)) this.nameIndex = undefined;
      if (nodes.length === 0) this.capsulesByName.delete(name);
      else this.capsulesByName.set(name, definitionsFirst(nodes));
    }

    // The edges of the rewired documents, made again; the look-ups their old and new edges fill, refilled.
    const touchedKeys = new Set<string>();
    const noteKeys = (edges: readonly Edge[]) => {
      for (const edge of edges) {
        if (edge.to) touchedKeys.add(edge.to.id);
        if (edge.fromCapsule) touchedKeys.add(edge.fromCapsule.id);
      }
    };
    const remade = [...rewired].sort(compare);
    for (const path of remade) {
      noteKeys(this.edgesByDocument.get(path) ?? []);
      const edges = this.edgesOf(this.documentsByPath.get(path)!);
      this.edgesByDocument.set(path, edges);
      noteKeys(edges);
      spliceRun(this.edges, pathRange(this.edges, path, (edge) => edge.document), edges);
    }
    // Each touched look-up keeps, in corpus order, the edges of the documents not made again
    // and takes the new edges of those that were: a merge by document, not a pass over every edge.
    const madeTo = new Map<string, Edge[]>();
    const madeFrom = new Map<string, Edge[]>();
    for (const path of remade) {
      for (const edge of this.edgesByDocument.get(path)!) {
        if (edge.to) push(madeTo, edge.to.id, edge);
        if (edge.fromCapsule) push(madeFrom, edge.fromCapsule.id, edge);
      }
    }
    for (const key of touchedKeys) {
      const kept = (this.incoming.get(key) ?? []).filter((edge) => !rewired.has(edge.document));
      setOrDelete(this.incoming, key, mergeByDocument(kept, madeTo.get(key) ?? []));
      // References from capsules of documents not made again stay; the others are all new.
      const outgoing = (this.outgoing.get(key) ?? []).filter((edge) => !rewired.has(edge.document));
      setOrDelete(this.outgoing, key, mergeByDocument(outgoing, madeFrom.get(key) ?? []));
    }
    return rewired;
  }

  /**
   * Whether a root-relative path that is no file of the corpus is left out by a `.gitignore`:
   * it may exist on this machine, but a clone of the repository does not hold it.
   */
  isIgnoredByGit(path: string): boolean {
    return this.ignoredByGit?.(path) ?? false;
  }

  /** Whether a path `isIgnoredByGit` tells of is a file or folder on this machine, rather than a path to nothing. */
  isIgnoredHere(path: string): boolean {
    return this.ignoredHere?.(path) ?? false;
  }

  /** Where the site sends a root-relative path that is no file, when a redirection file says it moved (see `redirectionsOf`). */
  redirectionOf(path: string): Redirection | undefined {
    return this.redirections?.get(path.toLowerCase());
  }

  /** The edges written in one document, in source order by kind (see `edgesOf`). */
  edgesIn(path: string): readonly Edge[] {
    return this.edgesByDocument.get(path) ?? [];
  }

  /** The document at a corpus-relative path. */
  document(path: string): CorpusDocument | undefined {
    return this.documentsByPath.get(path);
  }

  /** The capsule a name leads to: its first full definition (path, then document order), else its first stub. */
  capsule(name: string): CapsuleNode | undefined {
    return this.capsulesByName.get(name)?.[0];
  }

  /** Every capsule of that name, full definitions before stub copies (see `stub-copies.ts`). */
  capsulesNamed(name: string): readonly CapsuleNode[] {
    return this.capsulesByName.get(name) ?? [];
  }

  /** Every capsule name in the corpus, sorted. */
  names(): string[] {
    const names = this.corpusNames ? new Set([...this.corpusNames, ...this.capsulesByName.keys()]) : this.capsulesByName.keys();
    return [...names].sort(compare);
  }

  /**
   * "Did you mean" among every capsule name of the corpus. Made once and kept (with the
   * answers it caches) while the set of names stays the same, so a live graph's checks share it.
   */
  nameSuggestions(): SuggestionIndex {
    return (this.nameIndex ??= new SuggestionIndex(this.names()));
  }

  /** Resolved references pointing at a capsule (by name or node), in corpus order. */
  backlinks(capsule: string | CapsuleNode): Edge[] {
    const nodes = typeof capsule === 'string' ? this.capsulesNamed(capsule) : [capsule];
    return nodes.flatMap((node) => this.incoming.get(node.id) ?? []);
  }

  /** References written inside a capsule. */
  referencesFrom(capsule: CapsuleNode): Edge[] {
    return this.outgoing.get(capsule.id) ?? [];
  }

  /**
   * Capsules reachable along resolved SeeAlso edges within `depth` steps, nearest first;
   * within one distance, in the order the references are written. Cycles are walked once.
   */
  neighbourhood(
    name: string,
    depth: number,
    direction: 'out' | 'both' = 'out',
  ): { capsule: CapsuleNode; distance: number }[] {
    const start = this.capsule(name);
    if (!start) return [];
    const seen = new Set([start.id]);
    const found: { capsule: CapsuleNode; distance: number }[] = [];
    let frontier = [start];
    for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
      const next: CapsuleNode[] = [];
      for (const node of frontier) {
        const neighbours = this.referencesFrom(node)
          .filter((edge) => edge.kind === 'see-also' && edge.to)
          .map((edge) => edge.to!);
        if (direction === 'both') {
          neighbours.push(
            ...(this.incoming.get(node.id) ?? [])
              .filter((edge) => edge.kind === 'see-also' && edge.fromCapsule)
              .map((edge) => edge.fromCapsule!),
          );
        }
        for (const neighbour of neighbours) {
          if (seen.has(neighbour.id)) continue;
          seen.add(neighbour.id);
          found.push({ capsule: neighbour, distance });
          next.push(neighbour);
        }
      }
      frontier = next;
    }
    return found;
  }

  /** Capsules nothing else references (SeeAlso, citation or mention from elsewhere). */
  orphans(): CapsuleNode[] {
    return this.capsules.filter((node) =>
      (this.incoming.get(node.id) ?? []).every((edge) => edge.fromCapsule?.id === node.id),
    );
  }

  /** Names defined more than once, each with every place it is defined (document order). */
  duplicates(): { name: string; capsules: CapsuleNode[] }[] {
    return [...this.capsulesByName]
      .filter(([, nodes]) => nodes.length > 1)
      .map(([name, nodes]) => ({ name, capsules: nodes }))
      .sort((a, b) => compare(a.name, b.name));
  }

  /** Tags with the documents that carry them, sorted by tag. */
  tags(): { name: string; documents: string[] }[] {
    const tags = new Map<string, string[]>();
    for (const document of this.documents) {
      for (const tag of documentTags(document)) push(tags, tag, document.path);
    }
    return [...tags].map(([name, documents]) => ({ name, documents })).sort((a, b) => compare(a.name, b.name));
  }

  /** Categories with their documents and strengths, sorted by category. */
  categories(): { name: string; documents: { path: string; strength: number | undefined }[] }[] {
    const categories = new Map<string, { path: string; strength: number | undefined }[]>();
    for (const document of this.documents) {
      for (const category of documentCategories(document)) push(categories, category.name, { path: document.path, strength: category.strength });
    }
    return [...categories].map(([name, documents]) => ({ name, documents })).sort((a, b) => compare(a.name, b.name));
  }

  private edgesOf(document: CorpusDocument): Edge[] {
    const { model, path } = document;
    const capsuleNodes = this.nodeOf;
    const edges: Edge[] = [];
    // A SeeAlso entry written as a Markdown link (`[Validation](/docs/guides/validation)`) leads
    // where the link does, a site's route included: the two edges at its place agree.
    const linksAt = new Map(model.links.map((link) => [link.position.start.offset, link]));
    const resolveEntry = (reference: Reference): Resolution => {
      const link = reference.kind === 'document' ? linksAt.get(reference.position.start.offset) : undefined;
      return link?.kind === 'relative' && link.import === undefined && !link.inMath ? this.resolveLink(path, link.path ?? '') : this.resolveReference(path, reference);
    };
    for (const capsule of model.capsules) {
      const from = capsuleNodes.get(capsule);
      // References and Depth items are both in source order: walk them side by side.
      let itemIndex = 0;
      for (const reference of capsule.seeAlso) {
        const offset = reference.position.start.offset;
        while (itemIndex < capsule.depthItems.length && capsule.depthItems[itemIndex]!.position.end.offset < offset) itemIndex++;
        const candidate = capsule.depthItems[itemIndex];
        const item = candidate && candidate.position.start.offset <= offset ? candidate : undefined;
        const context = item ? `${item.key ?? ''}: ${item.value}` : reference.raw;
        edges.push(seeAlsoEdge(capsule.name, from, reference, path, context, resolveEntry(reference)));
      }
    }
    // The document's own See Also: edges from the document itself.
    for (const reference of model.seeAlso) {
      const context = reference.note === undefined ? reference.raw : `${reference.raw}: ${reference.note}`;
      edges.push(seeAlsoEdge(path, undefined, reference, path, context, resolveEntry(reference)));
    }
    // Mentions are in source order, as are capsules: a cursor finds each one's capsule.
    let capsuleIndex = 0;
    const capsuleAt = (offset: number) => {
      const capsules = model.capsules;
      if (capsuleIndex > 0 && capsules[capsuleIndex - 1]!.position.end.offset >= offset) capsuleIndex = 0;
      while (capsuleIndex < capsules.length && capsules[capsuleIndex]!.position.end.offset < offset) capsuleIndex++;
      const capsule = capsules[capsuleIndex];
      return capsule && capsule.position.start.offset <= offset ? capsule : undefined;
    };

    for (const item of model.checklist) {
      for (const citation of item.cites) {
        const resolution = this.resolveName(path, citation.name, undefined);
        edges.push(edge('cites', path, undefined, citation.name, undefined, undefined, path, citation.position, item.text, resolution));
      }
    }

    for (const link of model.links) {
      // `[A,B](x)` in a formula is no link where the math is shown.
      if (link.inMath) continue;
      // Nor is one on a MyST comment line (`% Include content from [x](x.md)`) of a MyST page.
      if (link.mystComment && this.isMystPage(path)) continue;
      // In an Obsidian vault `[[Note]](2FA)` is a wikilink and text in parentheses, not a link to
      // `2FA`; `![[flow.png]](big)` an embed and text.
      if (wikilinkShaped.test(link.text) && this.anchorsByHeadingText(path)) continue;
      // VuePress's import of a code file whose path begins with an alias (`@[code](@snippets/run.sh)`):
      // the site's `importCode.handleImportPath` resolves it, and no file is named here.
      if (link.codeImport && link.path?.startsWith('@') && this.siteAnchorStyles(path).has('vuepress')) continue;
      const target = link.kind === 'relative' ? (link.path ?? '') : link.url;
      // An agent's import (`@docs/setup.md`) names a file, never a site's route.
      const resolution =
        link.kind === 'external'
          ? resolveUrl(link.url)
          : link.kind === 'anchor'
            ? resolvedDocument(path)
            : link.import !== undefined
              ? this.resolveImport(path, link.path ?? '')
              : link.image
                ? this.resolveImage(path, link.path ?? '')
                : this.resolveLink(path, link.path ?? '');
      edges.push(edge('links-to', path, undefined, target, undefined, link.anchor, path, link.position, link.text, resolution));
    }

    for (const mention of model.mentions) {
      const resolution = this.resolveName(path, mention.name, undefined);
      // A backticked word that names no capsule is just code, not a broken reference.
      if (resolution.status !== 'resolved') continue;
      const inside = capsuleAt(mention.position.start.offset);
      const fromCapsule = inside ? capsuleNodes.get(inside) : undefined;
      edges.push(
        edge('mentions', fromCapsule?.name ?? path, fromCapsule, mention.name, undefined, undefined, path, mention.position, mention.context, resolution),
      );
    }
    return edges;
  }

  private resolveReference(fromDocument: string, reference: Reference): Resolution {
    return reference.kind === 'capsule'
      ? this.resolveName(fromDocument, reference.target, reference.qualifier)
      : reference.kind === 'document'
        ? this.resolveDocument(fromDocument, reference.target)
        : reference.kind === 'url'
          ? resolveUrl(reference.target)
          : unresolved('external', 'free text, not a capsule reference');
  }

  private resolveName(fromDocument: string, name: string, qualifier: string | undefined): Resolution {
    if (qualifier === undefined) {
      const node = this.capsule(name);
      return node ? resolvedCapsule(node) : unresolved('unknown-name', `no capsule is named \`${name}\``);
    }
    const located = this.locateDocument(fromDocument, qualifier);
    if (located.status !== 'resolved') return located;
    const node = this.capsulesNamed(name).find((candidate) => candidate.document === located.toDocument);
    return node
      ? resolvedCapsule(node)
      : unresolved('unknown-name', `\`${located.toDocument}\` has no capsule named \`${name}\``);
  }

  /** A document path in a SeeAlso: a file, else a line of one (`app.py:10`), else the first file a glob matches. */
  private resolveDocument(fromDocument: string, target: string): Resolution {
    const found = this.resolvePath(fromDocument, target);
    if (found.status !== 'missing-document') return found;
    // `src/app.py:10`: a line of a file, as editors and stack traces write it.
    const line = /^(.+?):\d+(?::\d+)?$/.exec(target);
    const file = line ? this.resolvePath(fromDocument, line[1]!) : undefined;
    if (file?.status === 'resolved') return file;
    // `skills/*/SKILL.md`: the files of a kind, written as a glob.
    const matched = /[*?]/.test(target) ? this.firstMatch(fromDocument, target) : undefined;
    return matched === undefined ? found : resolvedDocument(matched);
  }

  /** The first file a glob matches, read from the document's folder, then from the root. */
  private firstMatch(fromDocument: string, glob: string): string | undefined {
    for (const base of [fromDocument, '']) {
      const pattern = resolveCorpusPath(base, glob);
      if (pattern.kind !== 'inside') continue;
      const matches = picomatch(pattern.path, { dot: true });
      for (const file of this.files) if (matches(file)) return file;
    }
    return undefined;
  }

  /**
   * A path resolves when the file exists: in the corpus, or in the
   * repository around it, climbing out of the root (`../README.md`) or written from the
   * repository's top (`docs/ARCHITECTURE.md` in `.claude/notes.md`), as agent files write paths.
   */
  private resolvePath(fromDocument: string, target: string): Resolution {
    const located = this.locateDocument(fromDocument, target);
    if (located.status === 'resolved' || this.rootInRepository === undefined || docsResourceCandidates(target) !== undefined) return located;
    const decoded = decodePath(target);
    const climbing = resolveRepositoryPath(fromDocument, decoded, this.rootInRepository);
    if (climbing.kind === 'inside' && this.hasFile(climbing.path)) return this.resolvedFile(climbing.path);
    if (this.rootInRepository !== '' && !/^(?:\.{1,2})?[\\/]/.test(decoded)) {
      const fromTop = resolveRepositoryPath('', `/${decoded}`, this.rootInRepository);
      if (fromTop.kind === 'inside' && this.hasFile(fromTop.path)) return this.resolvedFile(fromTop.path);
    }
    // Inside the repository but no file of it (`/docs/gone.md`, from its top): missing, as a link says.
    if (located.status === 'outside-root' && climbing.kind === 'inside') return unresolved('missing-document', `\`${target}\` is not a file of the repository`);
    return located;
  }

  /**
   * A link reaches a file as below, or a page of a wiki by its name, or, on a site, a page by
   * its route (`/guides/setup`, `setup`), as those link to each other; a fragment's link
   * reaches what it reaches from a page that takes the fragment in.
   */
  private resolveLink(fromDocument: string, target: string): Resolution {
    const found = this.resolveLinkHere(fromDocument, target);
    if (found.status === 'resolved') return found;
    // A document synced into an agent's folder (`docs/ai-context/rules/x.md`, copied whole to
    // `.claude/rules/x.md`) has its links written for the copy the agent reads.
    for (const copy of this.agentCopiesOf(fromDocument)) {
      const fromCopy = this.resolveLinkHere(copy, target);
      if (fromCopy.status === 'resolved') return fromCopy;
    }
    if (found.status === 'outside-root' && !/^\/(?!\/)/.test(target) && !this.servedBySite(fromDocument)) return found;
    // A fragment a page takes in whole (MkDocs's `--8<--`) is read where that page is: its links
    // are the page's too, and those of the pages taking that page in.
    for (const page of this.pagesTakingIn(fromDocument)) {
      const fromPage = this.resolveLinkHere(page, target);
      if (fromPage.status === 'resolved') return fromPage;
    }
    // Markdown TypeDoc takes into a doc comment is read on the reference page built into a site.
    if (/^\/(?!\/)/.test(target)) {
      for (const place of this.referencePlacesOf(fromDocument)) {
        const fromPlace = this.resolveLinkHere(place, target);
        if (fromPlace.status === 'resolved' || fromPlace.status === 'external') return fromPlace;
      }
    }
    // A DocFX docset's `/dotnet/api/system.string` may be another docset's page on the host it is published on.
    if (/^\/(?!\/)/.test(target) && this.isDocfxPage(fromDocument)) return unresolved('external', `\`${target}\` is a route of the host the docset is published on`);
    // An mdBook's `../std/index.html` climbs above the book to a page of a book published beside it.
    if (this.siteRoutes()?.besideBook(fromDocument, decodePath(target))) return unresolved('external', `\`${target}\` climbs above the book to a page of the host it is published on`);
    return found;
  }

  /**
   * An image: where a link with its path leads, else, on a page of an Astro site, the file an
   * import alias of the project names (`~/images/flow.png`; see `SiteRoutes.aliasedImage`).
   */
  private resolveImage(fromDocument: string, target: string): Resolution {
    const found = this.resolveLink(fromDocument, target);
    if (found.status === 'resolved') return found;
    const aliased = this.siteRoutes()?.aliasedImage(fromDocument, decodePath(target));
    return aliased === undefined ? found : resolvedDocument(aliased);
  }

  /** A link from the page itself: a file, or a route of the site serving the page. */
  private resolveLinkHere(fromDocument: string, target: string): Resolution {
    const found = this.resolveFileLink(fromDocument, target);
    // A path that leaves the repository from the file stays outside, unless a site serves the
    // page at an address from which it does not: `../../assets/x.png` from `/docs/guide/`.
    if (found.status === 'resolved' || (found.status === 'outside-root' && !/^\/(?!\/)/.test(target) && !this.servedBySite(fromDocument))) return found;
    const routed = this.siteRoutes()?.resolve(fromDocument, decodePath(target));
    if (routed !== undefined) return resolvedDocument(routed);
    // A route the site redirects to one that is no page here (a page made by code, another
    // site's) is the site's all the same: the configuration, not the document, names where it goes.
    const redirect = /^\/(?!\/)/.test(target) || found.status === 'missing-document' ? this.siteRoutes()?.redirectOf(fromDocument, decodePath(target)) : undefined;
    if (redirect !== undefined) return unresolved('external', `\`${target}\` is a route the site redirects to \`${redirect}\``);
    // So is a route one of its plugins serves (an API reference made from a specification).
    const plugin = /^\/(?!\/)/.test(target) || found.status === 'missing-document' ? this.siteRoutes()?.pluginServing(fromDocument, decodePath(target)) : undefined;
    if (plugin !== undefined) return unresolved('external', `\`${target}\` is a route the site's \`${plugin}\` plugin serves`);
    // Or a page that code of the site makes (a Lume page module's), at an address it computes.
    const modules = /^\/(?!\/)/.test(target) || found.status === 'missing-document' ? (this.siteRoutes()?.pageModulesMaking(fromDocument, decodePath(target)) ?? []) : [];
    if (modules.length > 0) return unresolved('external', `\`${target}\` may be a page the site's \`${modules[0]}\`${modules.length > 1 ? ` (or one of ${modules.length - 1} more page modules)` : ''} makes`);
    return found.status === 'missing-document' ? (this.mdxPageOf(fromDocument, target) ?? found) : found;
  }

  /**
   * `./setup` beside `setup.mdx`: an MDX page is read only as a site's page, and every site
   * that builds MDX serves it by its path without the extension, so the link is its route
   * wherever the site is built. (A `.md` file is read on GitHub too, where `./setup` is no file.)
   * A link written in an MDX page is read only there too: `../faq` from it reaches `faq.md`,
   * which the same site serves at that route.
   */
  private mdxPageOf(fromDocument: string, target: string): Resolution | undefined {
    const decoded = decodePath(target);
    if (/^\/(?!\/)/.test(decoded)) return this.mdxRouteFromTop(fromDocument, decoded);
    if (/\.[A-Za-z0-9]+$|\/$/.test(decoded) || decoded === '' || decoded.startsWith('/')) return undefined;
    const extensions = /\.mdx$/i.test(fromDocument) ? ['.mdx', '.md'] : ['.mdx'];
    for (const extension of extensions) {
      const page = resolveCorpusPath(fromDocument, `${decoded}${extension}`);
      if (page.kind === 'inside' && this.files.has(page.path)) return resolvedDocument(page.path);
    }
    return undefined;
  }

  /**
   * `/docs/fields/upload` in an MDX page that no site configuration here serves: the page is
   * read only on a site built elsewhere (a website repository that takes the docs folder in),
   * which serves the repository's pages by their paths without the extension, so a route read
   * from the repository's top that names a page file (`docs/fields/upload.mdx`) reaches it. A
   * Markdown page is read on GitHub too, where the route is no file; and where a site here
   * serves the page, its configuration says where its routes go.
   */
  private mdxRouteFromTop(fromDocument: string, route: string): Resolution | undefined {
    if (!/\.mdx$/i.test(fromDocument) || this.servedBySite(fromDocument)) return undefined;
    const path = route.replace(/\/$/, '');
    if (path === '' || /\.[A-Za-z0-9]+$/.test(path)) return undefined;
    for (const extension of ['.mdx', '.md']) {
      const page = resolveRepositoryPath(fromDocument, `${path}${extension}`, this.rootInRepository ?? '');
      if (page.kind === 'inside' && !page.path.startsWith('../') && this.files.has(page.path)) return resolvedDocument(page.path);
    }
    return undefined;
  }

  /**
   * The copies of a document that agents read where they are (see `agentFileByPlace`: under
   * a dot-folder such as `.claude/rules/`, or an `AGENTS.md`): other documents of the very same
   * text. None for a document agents read by its own place, whose links must work where it is.
   */
  agentCopiesOf(path: string): readonly string[] {
    const text = this.documentsByPath.get(path)?.text;
    if (text === undefined || text === '' || agentFileByPlace(path)) return [];
    this.agentCopies ??= agentCopyIndex(this.documents);
    return this.agentCopies.get(text) ?? [];
  }

  /** The documents a page takes in whole (see `CapsuleDocument.includes`), as paths of the corpus. */
  includedDocuments(path: string, includes = this.documentsByPath.get(path)?.model.includes): string[] {
    const documents: string[] = [];
    for (const include of includes ?? []) {
      // A file, or one the page's site names its own way (Docusaurus's `@site/src/parts/x.mdx`).
      const found = this.resolveLinkHere(path, include.target);
      if (found.status === 'resolved' && found.toDocument !== path && this.documentsByPath.has(found.toDocument!)) documents.push(found.toDocument!);
    }
    return documents;
  }

  /** The pages that take the document in whole. */
  includersOf(path: string): readonly string[] {
    if (!this.includers) {
      this.includers = new Map();
      for (const document of this.documents) {
        if (!document.model.includes) continue;
        for (const fragment of this.includedDocuments(document.path)) push(this.includers, fragment, document.path);
      }
    }
    return this.includers.get(path) ?? [];
  }

  /**
   * The pages that take a fragment in, and those taking them in, nearest first, each once and
   * only so many (`limit`): a fragment is taken into a few pages, not thousands.
   */
  pagesTakingIn(fragment: string, limit = maxIncludersTried): string[] {
    const tried = new Set([fragment]);
    const found: string[] = [];
    const pages = [...this.includersOf(fragment)];
    for (let next = 0; next < pages.length && tried.size <= limit; next++) {
      const page = pages[next]!;
      if (tried.has(page)) continue;
      tried.add(page);
      found.push(page);
      pages.push(...this.includersOf(page));
    }
    return found;
  }

  /** Whether a site generator (VitePress, MkDocs, Docusaurus, ...) serves the file. */
  servedBySite(path: string): boolean {
    return this.siteRoutes()?.serves(path) ?? false;
  }

  /** The ways the site generators serving the file make its headings' anchors besides GitHub's (see `DocumentHeading.siteSlugs`). */
  siteAnchorStyles(path: string): ReadonlySet<SiteAnchorStyle> {
    return this.siteRoutes()?.anchorStyles(path) ?? new Set();
  }

  /** The document that sets the MyST target `name` in the Sphinx or Jupyter Book project holding `fromDocument`, which links to it by name from any page. */
  siteLabel(fromDocument: string, name: string): string | undefined {
    return this.siteRoutes()?.label(fromDocument, name);
  }

  /** The MyST targets (lower case) of the Sphinx or Jupyter Book project holding `fromDocument`, for suggestions. */
  siteLabels(fromDocument: string): string[] {
    return this.siteRoutes()?.labels(fromDocument) ?? [];
  }

  /** The page the document's site shows below it, whose headings its `#anchor` links reach (a Docsify cover page's home page). */
  pageShownBelow(path: string): string | undefined {
    return this.siteRoutes()?.pageBelow(path);
  }

  /** Whether the document is a page of a Sphinx or Jupyter Book project of MyST pages, whose links may name targets Sphinx makes. */
  isMystPage(path: string): boolean {
    return this.siteRoutes()?.namesTargets(path) ?? false;
  }

  /** Whether links reach the document's headings by their text too: a note of an Obsidian vault (`[x](Guide.md#Some%20Heading)`). */
  anchorsByHeadingText(path: string): boolean {
    return this.siteRoutes()?.anchorsByHeadingText(path) ?? false;
  }

  /**
   * The file or folder of the repository that a path on someone's machine names
   * (`/d:/Projects/app/docs/guide.md`, `/home/ann/app/docs/guide.md`): the longest ending of it,
   * of two segments at least, that is a file or folder here, as a path from the corpus root.
   */
  repositoryPathOf(absolute: string): string | undefined {
    return this.machinePathEnding(absolute, (path) => this.atFile(path));
  }

  /**
   * Where a path on someone's machine would be in the repository when its folder is here and
   * its file is not (`/home/ann/app/docs/gone.md`, with `docs/` here): the longest ending of it,
   * of two segments at least, whose folder is a folder here, as a path from the corpus root.
   */
  repositoryPlaceOf(absolute: string): string | undefined {
    return this.machinePathEnding(absolute, (path) => {
      const folder = this.atFile(posix.dirname(path));
      return folder === undefined || folder === '' || this.files.has(folder) ? undefined : posix.join(folder, posix.basename(path));
    });
  }

  /**
   * The folders on the writer's machine that hold the repository, as paths on that machine name
   * its files: `/d:/Projects/app/docs/guide.md` names `docs/guide.md` of the repository (an
   * ending of two segments at least, as `repositoryPathOf` finds it), so `/d:/Projects/app` is
   * the repository there, and `/d:/Projects/app/package.json` or `/d:/Projects/app/tmp/run.py`,
   * under it, name a place of the repository whether or not it is here. Each is the folder's
   * path with the place the ending was read from: the corpus root, or the repository's top.
   */
  machineRepositoryFolders(absolutes: Iterable<string>): MachineRepositoryFolder[] {
    const folders: MachineRepositoryFolder[] = [];
    for (const absolute of absolutes) {
      const match = this.machinePathMatch(absolute, (path) => this.atFile(path));
      if (match === undefined || match.from === 0) continue;
      const folder = { path: match.segments.slice(0, match.from).join('/').toLowerCase(), fromTop: match.fromTop };
      if (!folders.some((other) => other.path === folder.path && other.fromTop === folder.fromTop)) folders.push(folder);
    }
    return folders;
  }

  /**
   * The place of the repository, as a path from the corpus root, that a path on the writer's
   * machine names under one of `folders` (see `machineRepositoryFolders`), here or not; undefined
   * when it is under none of them, or climbs out of the repository.
   */
  placeInMachineRepositoryFolder(absolute: string, folders: readonly MachineRepositoryFolder[]): string | undefined {
    const segments = machinePathSegments(absolute);
    for (const folder of folders) {
      const depth = folder.path === '' ? 0 : folder.path.split('/').length;
      if (segments.length < depth || segments.slice(0, depth).join('/').toLowerCase() !== folder.path) continue;
      // The folder itself is the repository's top (or the corpus root the ending was read from).
      const rest = segments.slice(depth).join('/');
      const resolved = folder.fromTop ? resolveRepositoryPath('', `/${rest}`, this.rootInRepository ?? '') : resolveCorpusPath('', rest === '' ? '.' : rest);
      if (resolved.kind !== 'inside') continue;
      return this.atFile(resolved.path) ?? resolved.path;
    }
    return undefined;
  }

  /**
   * The first ending of a path on someone's machine, longest first, of two segments at least,
   * that `at` finds here (read from the repository's top too). A Windows path
   * (`/e:/Games/app/Docs/guide.md`) names a file whatever its letters' case, as Windows finds
   * it: an ending is also looked for in the case it has here (`docs/guide.md`). In a dev
   * container the repository is the folder mounted at `/workspace/`, and in a codespace it is
   * `/workspaces/<repository>/`: what follows that folder is a path from the repository's top,
   * one segment long too (`/workspace/README.md`).
   */
  private machinePathEnding(absolute: string, at: (path: string) => string | undefined): string | undefined {
    const match = this.machinePathMatch(absolute, at);
    if (match !== undefined) return match.found;
    const segments = machinePathSegments(absolute);
    const mounted = /^\/workspace\/[^/]/.test(absolute) ? 1 : /^\/workspaces\/[^/]+\/[^/]/.test(absolute) ? 2 : undefined;
    if (mounted === undefined || mounted !== segments.length - 1) return undefined;
    const file = segments[mounted]!;
    if (file === '..') return undefined;
    const fromTop = this.rootInRepository === undefined || this.rootInRepository === '' ? undefined : resolveRepositoryPath('', `/${file}`, this.rootInRepository);
    return at(file) ?? (fromTop?.kind === 'inside' ? at(fromTop.path) : undefined);
  }

  /**
   * The longest ending of a path on someone's machine, of two segments at least, that `at` finds
   * here (see `machinePathEnding`): what it found, the path's segments, where the ending starts,
   * and whether it was read from the repository's top rather than the corpus root.
   */
  private machinePathMatch(absolute: string, at: (path: string) => string | undefined): { found: string; segments: string[]; from: number; fromTop: boolean } | undefined {
    const windows = /^[\\/]?[A-Za-z]:[\\/]/.test(absolute);
    const segments = machinePathSegments(absolute);
    // An ending must not climb (`..` names no place of its own), and is at most `maxPathDepth`
    // segments long: the endings of a hostile path of thousands would be joined in its square.
    const firstEnding = Math.max(segments.lastIndexOf('..') + 1, segments.length - maxPathDepth);
    for (let from = firstEnding; from <= segments.length - 2; from++) {
      const ending = segments.slice(from).join('/');
      const found = at(ending) ?? (windows ? this.atInCaseHere(ending, at) : undefined);
      if (found !== undefined) return { found, segments, from, fromTop: false };
      if (this.rootInRepository === undefined || this.rootInRepository === '') continue;
      const fromTop = resolveRepositoryPath('', `/${ending}`, this.rootInRepository);
      const foundAtTop = fromTop.kind === 'inside' ? at(fromTop.path) : undefined;
      if (foundAtTop !== undefined) return { found: foundAtTop, segments, from, fromTop: true };
    }
    return undefined;
  }

  /** What `at` finds at the path here that a path of another case names: the whole of it, else its folder with its name as written. */
  private atInCaseHere(path: string, at: (path: string) => string | undefined): string | undefined {
    if (!this.pathsInLowerCase) {
      this.pathsInLowerCase = new Map();
      for (const each of [...this.files, ...this.folders]) if (!this.pathsInLowerCase.has(each.toLowerCase())) this.pathsInLowerCase.set(each.toLowerCase(), each);
    }
    const whole = this.pathsInLowerCase.get(path.toLowerCase());
    const found = whole !== undefined && whole !== path ? at(whole) : undefined;
    if (found !== undefined) return found;
    const folder = this.pathsInLowerCase.get(posix.dirname(path).toLowerCase());
    return folder !== undefined && folder !== posix.dirname(path) ? at(posix.join(folder, posix.basename(path))) : undefined;
  }

  /** The page a route-style link from `fromDocument` reaches on a site serving it (see `SiteRoutes.resolve`), if one does. */
  sitePage(fromDocument: string, target: string): string | undefined {
    return this.siteRoutes()?.resolve(fromDocument, decodePath(target));
  }

  /** The files that would be the page a route-style link from `fromDocument` names (see `SiteRoutes.pageFiles`). */
  sitePageFiles(fromDocument: string, target: string): string[] {
    const files = this.siteRoutes()?.pageFiles(fromDocument, target) ?? [];
    if (files.length > 0 || !/^\/(?!\/)/.test(target)) return files;
    return this.referencePlacesOf(fromDocument).flatMap((place) => this.siteRoutes()!.pageFiles(place, target));
  }

  /**
   * Where a document TypeDoc takes into a doc comment (see `typedoc-includes.ts`) has its links
   * from a site's root read: a page of each site, as the reference TypeDoc writes is built into
   * one. None for any other document, or one a site serves itself.
   */
  private referencePlacesOf(path: string): string[] {
    if (!this.typedocIncludes?.has(path) || this.servedBySite(path)) return [];
    return this.siteRoutes()?.pagePlaces() ?? [];
  }

  /** Whether the document is a page of a DocFX docset, where `~/` names a file from the docset's folder and a root-relative route may be another docset's. */
  isDocfxPage(path: string): boolean {
    return this.siteRoutes()?.isDocfxPage(path) ?? false;
  }

  /**
   * The document's title (see `titleOf`), else the one its site gives a page with no title of
   * its own: an MkDocs `nav` entry's (`- Installation: setup/install.md`), else the one MkDocs
   * makes from the file's name (`Triggers` for `notifications/triggers.md`).
   */
  documentTitle(path: string): string | undefined {
    const document = this.documentsByPath.get(path);
    return (document && titleOf(document)) ?? this.siteRoutes()?.siteTitle(path);
  }

  /**
   * Whether the document is read as MDX where it is published: an `.mdx` file, or a `.md` page
   * of a site that reads Markdown as MDX (see `SiteRoutes.readsMarkdownAsMdx`) whose frontmatter
   * does not ask for CommonMark (`format: md`, or `mdx: { format: md }` in Docusaurus 3.0 to 3.5).
   */
  readAsMdx(path: string): boolean {
    if (isMdxPath(path)) return true;
    if (!/\.md$/i.test(path) || !this.siteRoutes()?.readsMarkdownAsMdx(path)) return false;
    const data = this.documentsByPath.get(path)?.model.frontmatter?.data;
    const mdx = data?.['mdx'];
    const format = data?.['format'] ?? (mdx !== null && typeof mdx === 'object' ? (mdx as Record<string, unknown>)['format'] : undefined);
    return format !== 'md' && format !== 'detect';
  }

  private siteRoutes(): SiteRoutes | undefined {
    if (this.sites === undefined) {
      // An Obsidian vault whose settings `.gitignore` leaves out (`.obsidian`) is a vault all the
      // same: the settings file it would hold stands for the folder that marks one. A pattern
      // that leaves out any such file (`.*`, `*.json`) names no vault.
      const vaultIgnored = this.isIgnoredByGit(obsidianSettings) && !this.isIgnoredByGit(otherSettings);
      const files = !this.files.has(obsidianSettings) && vaultIgnored ? new Set([...this.files, obsidianSettings]) : this.files;
      this.sites = siteRoutes(files, (path) => this.documentsByPath.get(path), this.siteConfigs) ?? null;
    }
    return this.sites ?? undefined;
  }

  /**
   * An agent's import names a file from the importing file's folder, or, in a file under
   * `.claude/` (a slash command's prompt), from the project's folder, where the agent runs.
   */
  private resolveImport(fromDocument: string, target: string): Resolution {
    const found = this.resolveFileLink(fromDocument, target);
    const project = /^(?:(.*)\/)?\.claude\//.exec(fromDocument);
    if (found.status !== 'missing-document' || !project) return found;
    const fromProject = this.resolveFileLink(project[1] === undefined ? '.claude' : `${project[1]}/.claude`, target);
    return fromProject.status === 'resolved' ? fromProject : found;
  }

  /**
   * A relative link reaches any file or folder of the repository, in the corpus or not;
   * one that leaves the repository stays outside.
   */
  private resolveFileLink(fromDocument: string, target: string): Resolution {
    const located = this.locateDocument(fromDocument, target, true);
    if (located.status !== 'outside-root') return located;
    // Outside any repository, the root is the best guess at where the repository's top is.
    const page = repositoryPageOf(fromDocument, decodePath(target), this.rootInRepository ?? '');
    if (page !== undefined) return unresolved('external', `\`${target}\` is the repository's \`${page}\` page on its code host, reached from the file's page there`);
    if (this.rootInRepository === undefined) return located;
    const inRepository = resolveRepositoryPath(fromDocument, decodePath(target), this.rootInRepository);
    if (inRepository.kind === 'outside') return unresolved('outside-root', `\`${target}\`: ${inRepository.reason}`);
    if (this.hasFile(inRepository.path)) return this.resolvedFile(inRepository.path);
    return unresolved('missing-document', `\`${target}\` is not a file of the repository`);
  }

  /**
   * Find a document or file: relative to the referencing document first, then to the root. A
   * link written from the page's own folder (`./MIGRATION.md`) on a page people read, not an
   * agent, is read from there alone: GitHub and the site generators read it so, and a page
   * moved to `docs/changelog/` whose `./MIGRATION.md` reached the top's file no longer does.
   */
  private locateDocument(fromDocument: string, target: string, link = false): Resolution {
    const resource = docsResourceCandidates(target);
    if (resource !== undefined) {
      const found = resource.find((path) => this.hasFile(path));
      return found !== undefined ? this.resolvedFile(found) : unresolved('missing-document', `\`${target}\` is not in the checked set of documents`);
    }
    const decoded = decodePath(target);
    const relative = resolveCorpusPath(fromDocument, decoded);
    if (relative.kind === 'outside') return unresolved('outside-root', `\`${target}\`: ${relative.reason}`);
    if (this.hasFile(relative.path)) return this.resolvedFile(relative.path);
    // An agent skill's files name each other from the skill's folder, the one holding its
    // SKILL.md (`references/api.md` in `references/guide.md`), as the Agent Skills format says.
    const skill = /^(?:\.{1,2})?[\\/]/.test(decoded) ? undefined : this.skillFolderOf(fromDocument);
    if (skill !== undefined) {
      const fromSkill = resolveCorpusPath(skill === '' ? 'SKILL.md' : `${skill}/SKILL.md`, decoded);
      if (fromSkill.kind === 'inside' && this.hasFile(fromSkill.path)) return this.resolvedFile(fromSkill.path);
    }
    const ownFolderOnly = link && /^\.[\\/]/.test(decoded) && !agentFileByPlace(fromDocument) && this.skillFolderOf(fromDocument) === undefined;
    const fromRoot = ownFolderOnly ? undefined : resolveCorpusPath('', decoded);
    if (fromRoot?.kind === 'inside' && this.hasFile(fromRoot.path)) return this.resolvedFile(fromRoot.path);
    return unresolved('missing-document', `\`${target}\` is not in the checked set of documents`);
  }

  /** The nearest folder at or above the document's (or file's) that holds a `SKILL.md`, if any: the agent skill it belongs to. */
  skillFolderOf(document: string): string | undefined {
    const folders = document.split('/').slice(0, -1);
    for (let depth = folders.length; depth >= 0; depth--) {
      const folder = folders.slice(0, depth).join('/');
      if (this.files.has(folder === '' ? 'SKILL.md' : `${folder}/SKILL.md`)) return folder;
    }
    return undefined;
  }

  private hasFile(path: string): boolean {
    return this.atFile(path) !== undefined;
  }

  /** Whether a file, or a folder holding one, is at `path` (root-relative, `../` around the root), through symbolic links too. */
  exists(path: string): boolean {
    return this.hasFile(path);
  }

  /** A link's resolution to the file or folder at `path`, where it lies (see `atFile`). */
  private resolvedFile(path: string): Resolution {
    return resolvedDocument(this.atFile(path) ?? path);
  }

  /**
   * Where the file or folder at `path` lies, if there is one: `path` itself, or, through a
   * symbolic link, the place it leads to, as editors, agents and site generators follow it
   * (`docs/guides/setup.md`, `docs/guides` leading to `shared/guides`, is `shared/guides/setup.md`;
   * `CLAUDE.md` leading to `AGENTS.md` is `AGENTS.md`, whose headings its anchors name).
   */
  private atFile(path: string): string | undefined {
    const linked = this.symlinks?.get(path);
    if (linked !== undefined) return linked;
    // A link to a folder resolves when the folder holds a file.
    if (path === '' || this.files.has(path) || this.folders.has(path)) return path;
    if (this.unreadableFolders.some((folder) => path === folder || path.startsWith(`${folder}/`))) return path;
    // What a submodule not fetched here holds is not known: `git submodule update --init` brings it.
    if (this.unfetchedSubmodules.some((folder) => path === folder || path.startsWith(`${folder}/`))) return path;
    if (this.symlinks === undefined || this.symlinks.size === 0) return undefined;
    let current = path;
    for (let hop = 0; hop < maxSymlinkHops; hop++) {
      const through = this.throughFolderLink(current);
      if (through === undefined) return undefined;
      const linkedAgain = this.symlinks.get(through);
      if (linkedAgain !== undefined) return linkedAgain;
      if (this.files.has(through) || this.folders.has(through)) return through;
      current = through;
    }
    return undefined;
  }

  /** `path` with its first folder that is a symbolic link put in place of the folder it leads to. */
  private throughFolderLink(path: string): string | undefined {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const linked = this.symlinks!.get(path.slice(0, slash));
      if (linked !== undefined) return linked === '' ? path.slice(slash + 1) : `${linked}${path.slice(slash)}`;
    }
    return undefined;
  }
}

/**
 * Whether a document is written for coding agents by where it is or its name, which read its
 * paths from the folder they work in, the repository's top: a file under a dot-folder
 * (`.claude/commands/`, `.cursor/rules/`, `.github/instructions/`), an agent's instructions
 * (`AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `*.instructions.md`, `*.prompt.md`) or a rule file (`.mdc`).
 */
export function agentFileByPlace(path: string): boolean {
  const folders = path.split('/');
  const name = folders.pop() ?? path;
  return folders.some((folder) => folder.startsWith('.')) || /^(?:agents|claude|gemini)(?:\.local)?\.md$|\.(?:instructions|prompt|agent|chatmode)\.md$|\.mdc$/i.test(name);
}

/** The documents agents read by their place, by their text (see `KnowledgeGraph.agentCopiesOf`). */
function agentCopyIndex(documents: readonly CorpusDocument[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const document of documents) if (document.text !== '' && agentFileByPlace(document.path)) push(index, document.text, document.path);
  return index;
}

type Resolution = Pick<Edge, 'status' | 'reason' | 'to' | 'toDocument'>;

/** The most symbolic links one path is followed through, as the system's own limit stops a loop. */
const maxSymlinkHops = 40;

/** The most segments a path of the repository is taken to have, when an ending of a longer one is looked for. */
const maxPathDepth = 64;

/** How many pages taking in a fragment, directly or through others, are tried for one of its links. */
const maxIncludersTried = 32;

/**
 * An edge with every field written out in one order: a graph holds hundreds of thousands,
 * and objects of one shape, made without spreading, build and collect faster.
 */
function edge(
  kind: EdgeKind,
  from: string,
  fromCapsule: CapsuleNode | undefined,
  target: string,
  qualifier: string | undefined,
  anchor: string | undefined,
  document: string,
  position: Span,
  context: string,
  resolution: Resolution,
  note?: string,
): Edge {
  return {
    kind,
    from,
    fromCapsule,
    target,
    qualifier,
    anchor,
    note,
    status: resolution.status,
    reason: resolution.reason,
    document,
    position,
    to: resolution.to,
    toDocument: resolution.toDocument,
    context,
  };
}

function seeAlsoEdge(
  from: string,
  fromCapsule: CapsuleNode | undefined,
  reference: Reference,
  document: string,
  context: string,
  resolution: Resolution,
): Edge {
  const { target, qualifier, anchor, position, note } = reference;
  return edge('see-also', from, fromCapsule, target, qualifier, anchor, document, position, context, resolution, note);
}

function resolvedCapsule(node: CapsuleNode): Resolution {
  return { status: 'resolved', reason: undefined, to: node, toDocument: node.document };
}

function resolvedDocument(path: string): Resolution {
  return { status: 'resolved', reason: undefined, to: undefined, toDocument: path };
}

function unresolved(status: Exclude<EdgeStatus, 'resolved'>, reason: string): Resolution {
  return { status, reason, to: undefined, toDocument: undefined };
}

/** The settings file of an Obsidian vault at the root, as the site routes recognise a vault by. */
const obsidianSettings = '.obsidian/app.json';

/** A link's text that is a wikilink's inside, `[Note]` or `[Note|label]`: its source began `[[`. */
const wikilinkShaped = /^\[[^[\]]+\]$/;
/** A file of the same shape in a folder of another name, which only a broader pattern leaves out. */
const otherSettings = '.settings-of-another-app/app.json';

/**
 * A `file:` URL naming a network share rather than a path on the machine: `file://server/share/x`,
 * or `\\server\share\x` written `file:////server/…` or `file://///server/…`. Not `localhost`, nor
 * a drive written where the host goes (`file://c:/x`).
 */
const networkShare = /^file:(?:\/\/(?!localhost[\\/]|[a-z]:)[^\\/]|\/{4,5}[^\\/])/i;

function resolveUrl(url: string): Resolution {
  // A network share is a place a team shares on purpose, as a web address is: no repository's file.
  if (networkShare.test(url)) return unresolved('external', '`file:` URLs of a network share name no file of the corpus');
  // `file:` and a path; `<File:line>`, a form's blank to fill in, is an autolink of another scheme.
  if (/^file:(?:[\\/]|[a-z]:)/i.test(url)) return unresolved('outside-root', '`file:` URLs point outside the corpus');
  // `C:\Windows` reads as a URL of scheme `c`, but it is a Windows absolute path.
  if (/^[a-z]:[\\/]/i.test(url)) return unresolved('outside-root', 'absolute paths point outside the corpus');
  return unresolved('external', 'a URL, not a capsule reference');
}

const foldersOfFiles = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** Every folder holding a file, computed once per file set. */
function foldersOf(files: ReadonlySet<string>): ReadonlySet<string> {
  let folders = foldersOfFiles.get(files) as Set<string> | undefined;
  if (folders) return folders;
  folders = new Set();
  for (const file of files) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const folder = file.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  foldersOfFiles.set(files, folders);
  return folders;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void;
function push<K, V>(map: Map<K, Set<V>>, key: K, value: V, asSet: true): void;
function push<K, V>(map: Map<K, V[] | Set<V>>, key: K, value: V, asSet?: true): void {
  const list = map.get(key);
  if (list instanceof Set) list.add(value);
  else if (list) list.push(value);
  else map.set(key, asSet ? new Set([value]) : [value]);
}

/** The capsule names a model's references, citations and mentions use: those whose definitions decide where its edges lead. */
function referencedNames(model: CorpusDocument['model']): Set<string> {
  const names = new Set<string>();
  const addReference = (reference: Reference) => {
    if (reference.kind === 'capsule') names.add(reference.target);
  };
  for (const capsule of model.capsules) capsule.seeAlso.forEach(addReference);
  model.seeAlso.forEach(addReference);
  for (const item of model.checklist) for (const citation of item.cites) names.add(citation.name);
  for (const mention of model.mentions) names.add(mention.name);
  return names;
}

function referrerIndex(documents: readonly CorpusDocument[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const document of documents) for (const name of referencedNames(document.model)) push(index, name, document.path, true);
  return index;
}

/** The tags a document's frontmatter lists. */
export function documentTags(document: CorpusDocument): string[] {
  return stringList(document.model.frontmatter?.data?.['tags']);
}

/** The categories a document's frontmatter lists, each read as a name and a strength. */
export function documentCategories(document: CorpusDocument): Category[] {
  return stringList(document.model.frontmatter?.data?.['categories']).map(parseCategory);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Code-point order: the same on every machine and locale, so output is deterministic. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where the run of items of one document lies in a list kept in corpus (path) order. */
function pathRange<T>(items: readonly T[], path: string, pathOf: (item: T) => string): { start: number; end: number } {
  const firstNotBefore = (inclusive: boolean) => {
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = compare(pathOf(items[middle]!), path);
      if (order < 0 || (inclusive && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return { start: firstNotBefore(false), end: firstNotBefore(true) };
}

/** Put `run` in place of `items[start, end)`: written over when the lengths agree, else spliced. */
function spliceRun<T>(items: T[], { start, end }: { start: number; end: number }, run: readonly T[]): void {
  if (end - start === run.length) {
    for (let index = 0; index < run.length; index++) items[start + index] = run[index]!;
  } else {
    items.splice(start, end - start, ...run);
  }
}

function setOrDelete(map: Map<string, Edge[]>, key: string, edges: Edge[]): void {
  if (edges.length > 0) map.set(key, edges);
  else map.delete(key);
}

/** Two lists of edges, each in corpus order and from different documents, as one in corpus order. */
function mergeByDocument(first: readonly Edge[], second: readonly Edge[]): Edge[] {
  if (second.length === 0) return [...first];
  if (first.length === 0) return [...second];
  const merged: Edge[] = [];
  let a = 0;
  let b = 0;
  while (a < first.length && b < second.length) {
    merged.push(compare(first[a]!.document, second[b]!.document) <= 0 ? first[a++]! : second[b++]!);
  }
  while (a < first.length) merged.push(first[a++]!);
  while (b < second.length) merged.push(second[b++]!);
  return merged;
}

/** The segments of a path on someone's machine, either slash, empty ones and `.` left out. */
function machinePathSegments(absolute: string): string[] {
  return absolute.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
}
