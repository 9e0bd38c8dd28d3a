export { default, emptyDocument, messageSource } from './plugin.js';
export { default as remarkCapsuleSyntax } from './syntax.js';
export { parseCapsuleDocument, parseTree, type ParsedDocument } from './parse.js';
export { isCitableName, normalizeKey } from './names.js';
export { kindOf } from './references.js';
export { plainText } from './capsules.js';
export { TextPoints } from './text-points.js';
export { isCommentNode, isOnlyComments } from './html-comments.js';
export type * from './model.js';
