export { default, readDocument, emptyDocument, messageSource } from './plugin.js';
export { default as remarkCapsuleSyntax } from './syntax.js';
export { parseCapsuleDocument, parseTree, quickParserFallbacks, type ParsedDocument } from './parse.js';
export { isCitableName, normalizeKey } from './names.js';
export { kindOf } from './references.js';
export { plainText } from './capsules.js';
export type * from './model.js';
