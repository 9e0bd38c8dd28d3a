/**
 * see-also-resolves: every SeeAlso entry reaches what it names, in a capsule's Depth or in the
 * document's own See Also. The kinds of failure stay
 * apart because each asks for a different fix: a name that matches nothing (a typo, or a
 * capsule still to write), a document outside the checked set, free text or a URL (not a
 * capsule reference at all), and a path that would leave the corpus.
 */
import { isAddress, isSampleDocument, isTemplated } from 'remark-capsules';
import { isAgentCommand } from '../../support/agent-commands.js';
import { anchorMessages, checkAnchor } from '../../support/anchors.js';
import { capsuleNameIndex, isExternalDocument, pathBoundary, shownPath, taxonomyTerms } from '../../support/corpus.js';
import { decodePath, type Edge } from '@capsule-docs/graph';
import { posix } from 'node:path';
import type { Rule, RuleContext } from '../../types.js';
import { ruleDocs } from '../../rule-docs.js';
import { isCapsuleDocument } from '../../support/document-kinds.js';
import { formerDefinition } from '../../support/former-definitions.js';
import { suggestedPath } from '../../support/path-suggestions.js';

const id = 'see-also-resolves';

export const seeAlsoResolves: Rule = {
  meta: {
    id,
    description: 'SeeAlso entries name capsules or documents that exist',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      'unknown-name': 'No capsule is named `{name}`; fix the name, or define the capsule',
      'unknown-name-suggest': 'No capsule is named `{name}`; did you mean `{suggestion}`?',
      'unknown-name-removed': 'No capsule is named `{name}` now: this change takes it out of `{document}`; restore it there, or update this reference',
      'unknown-name-deleted': 'No capsule is named `{name}` now: this change deletes `{document}`, which defined it; keep the document, or update this reference',
      'unknown-name-taxonomy': 'No capsule is named `{name}`; it is a {kind} of `{document}`, and SeeAlso names capsules: name one, or drop the entry',
      'not-in-document': '`{document}` has no capsule named `{name}`; fix the name or the document',
      'not-in-document-elsewhere': '`{document}` has no capsule named `{name}`; it is defined in `{actual}`, so name that document',
      'missing-document': '`{target}` does not exist; fix the path, or list it in `externalDocuments` if it lives elsewhere',
      'missing-document-suggest': '`{target}` does not exist; did you mean `{suggestion}`?',
      'ignored-document': '`{target}` is ignored by `.gitignore`, so a clone of the repository does not hold it; commit it, or list it in `externalDocuments` if it is meant to stay local',
      'ignored-missing':
        '`{target}` is not here, and `.gitignore` leaves its path out, so no clone of the repository holds it either; fix the path, commit the file from the machine that has it, or, if a build makes it, list it in `externalDocuments`',
      external: 'SeeAlso entry `{target}` is free text, not a capsule reference, so nothing checks it; write the capsule\'s name if it means one',
      'external-suggest': 'SeeAlso entry `{target}` is free text, not a capsule reference; did you mean `{suggestion}`?',
      'external-url': 'SeeAlso entry `{target}` is a URL, not a capsule reference, so nothing checks it; move it into Depth prose, or name a capsule instead',
      'outside-root': '`{target}` points outside {boundary}; reference documents inside it',
      ...anchorMessages,
    },
    fixable: false,
    scope: 'corpus',
    docs: ruleDocs(id, 'SeeAlso entries resolve; unknown names, missing documents, free text and escaping paths are told apart.'),
  },
  check(context) {
    const path = context.document.path;
    // An entry written as a Markdown link is a link too: whether its file exists, in the
    // corpus or around it in the repository, is link-resolves' to tell, once.
    const links = new Set(context.edges.filter((edge) => edge.kind === 'links-to').map((edge) => edge.position.start.offset));
    const isLink = (edge: Edge) => links.has(edge.position.start.offset);
    // A See Also section is any document's (`- PostgreSQL`, `**See also:** **handoffs**`): its
    // words name capsules in a document that takes part in the format, or whose See Also
    // reaches a capsule that exists; elsewhere only a near miss of a capsule's name is told.
    const namesCapsules =
      isCapsuleDocument(context.document) || context.edges.some((edge) => edge.kind === 'see-also' && edge.fromCapsule === undefined && edge.to !== undefined);
    // A template or an exemplar (a file under `templates/`, `process-template.md`) names the
    // documents and capsules of the project it imagines, as link-resolves reads its links.
    const imagined = isSampleDocument(path);
    for (const edge of context.edges) {
      // A sample capsule in a writing guide cites names of an imagined corpus.
      if (edge.kind !== 'see-also' || edge.fromCapsule?.capsule.sample) continue;
      if (imagined && (edge.status === 'missing-document' || edge.status === 'unknown-name')) continue;
      const place = edge.position;
      switch (edge.status) {
        case 'resolved':
          // Its anchor too is link-resolves' to tell, when the entry is a link.
          if (!isLink(edge)) checkAnchor(context, edge);
          break;
        case 'unknown-name': {
          const name = edge.target;
          if (edge.qualifier !== undefined) {
            const elsewhere = context.graph.capsule(name);
            context.report(
              elsewhere
                ? { messageId: 'not-in-document-elsewhere', data: { name, document: edge.qualifier, actual: elsewhere.document }, place }
                : { messageId: 'not-in-document', data: { name, document: edge.qualifier }, place },
            );
            break;
          }
          const suggestion = capsuleNameIndex(context).suggest(name);
          const former = formerDefinition(context, name);
          if (!suggestion && !former && !namesCapsules && edge.fromCapsule === undefined) break;
          const term = suggestion || former ? undefined : taxonomyTerms(context).get(name);
          // A near name after a rename is the likely fix; a deleted document is the likelier cause.
          context.report(
            former && (former.deleted || !suggestion)
              ? { messageId: former.deleted ? 'unknown-name-deleted' : 'unknown-name-removed', data: { name, document: former.document }, place }
              : suggestion
              ? { messageId: 'unknown-name-suggest', data: { name, suggestion }, place, expected: [suggestion] }
              : term
                ? { messageId: 'unknown-name-taxonomy', data: { name, kind: term.kind, document: shownPath(context, term.document) }, place }
                : { messageId: 'unknown-name', data: { name }, place },
          );
          break;
        }
        case 'missing-document': {
          const target = edge.qualifier ?? edge.target;
          // `.claude/agents/<name>.md` stands for any agent's file, as a link's placeholder does.
          if (isLink(edge) || isTemplated(target) || isExternalDocument(context, path, target)) break;
          // `/plan`, `/statusline:instances`: a command the agent runs, which a file defines.
          if (edge.qualifier === undefined && isAgentCommand(context, target)) break;
          // Told as link-resolves tells such a link, the same on every machine: here it may exist, in a clone nowhere.
          const ignored = ignoredPath(context, target);
          if (ignored !== undefined && context.graph.isIgnoredHere(ignored)) {
            context.report({ messageId: 'ignored-document', data: { target }, place });
            break;
          }
          // A name in a missing document (`Name (in FILE.md)`) is suggested no other file: the name may be elsewhere.
          const suggestion = edge.qualifier === undefined ? suggestedPath(context, target) : undefined;
          context.report(
            suggestion !== undefined
              ? { messageId: 'missing-document-suggest', data: { target, suggestion }, place, expected: [suggestion] }
              : { messageId: ignored === undefined ? 'missing-document' : 'ignored-missing', data: { target }, place },
          );
          break;
        }
        case 'external': {
          // A document's own See Also lists outside reading as often as capsules: only
          // names, documents and paths there are checked.
          if (edge.fromCapsule === undefined && edge.from === edge.document) break;
          const target = edge.target;
          // The format allows free text and URLs as references outside the corpus: told, as
          // info, so that they stay apart from names that resolve nowhere, but nothing to fix.
          if (isAddress(target)) {
            context.report({ messageId: 'external-url', data: { target }, place, severityCap: 'info' });
            break;
          }
          // `Risk Discovery` is most likely a capsule name written with a space.
          const joined = target.replace(/\s+/g, '');
          const suggestion = joined !== target && context.graph.capsule(joined) ? joined : capsuleNameIndex(context).suggest(joined);
          context.report(
            suggestion
              ? { messageId: 'external-suggest', data: { target, suggestion }, place, severityCap: 'warn', expected: [suggestion] }
              : { messageId: 'external', data: { target }, place, severityCap: 'info' },
          );
          break;
        }
        case 'outside-root':
          // Outside a repository, `/plan` leaves the corpus root: a command all the same.
          if (isLink(edge) || (edge.qualifier === undefined && isAgentCommand(context, edge.target))) break;
          context.report({ messageId: 'outside-root', data: { target: edge.target, boundary: pathBoundary(context) }, place, note: edge.reason });
          break;
      }
    }
  },
};

/**
 * The path, from the corpus root, by which `.gitignore` leaves out what a SeeAlso path names:
 * read from the document, from the root, or from the repository's top as agent files write paths.
 */
function ignoredPath(context: RuleContext, target: string): string | undefined {
  const decoded = decodePath(target).replace(/\/$/, '');
  const candidates = [posix.normalize(posix.join(posix.dirname(context.document.path), decoded))];
  if (!/^\.\.?\//.test(decoded)) {
    candidates.push(posix.normalize(decoded.replace(/^\//, '')));
    const top = context.graph.rootInRepository;
    if (top) candidates.push(posix.relative(top, decoded.replace(/^\//, '')));
  }
  return candidates.find((path) => context.graph.isIgnoredByGit(path));
}
