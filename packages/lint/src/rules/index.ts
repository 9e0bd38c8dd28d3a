/** Every rule, in the order the rules table lists them. */
import type { Rule } from '../types.js';
import { asciiOnly } from './ascii-only/index.js';
import { blockClosed } from './block-closed/index.js';
import { boundary } from './boundary/index.js';
import { capsuleName } from './capsule-name/index.js';
import { capsuleStructure } from './capsule-structure/index.js';
import { checklistResolves } from './checklist-resolves/index.js';
import { depthList } from './depth-list/index.js';
import { duplicateCapsule } from './duplicate-capsule/index.js';
import { endsWithChecklist } from './ends-with-checklist/index.js';
import { exampleLength } from './example-length/index.js';
import { frontmatterConsistent } from './frontmatter-consistent/index.js';
import { frontmatterSchema } from './frontmatter-schema/index.js';
import { invariantImmutable } from './invariant-immutable/index.js';
import { invariantLength } from './invariant-length/index.js';
import { invariantTimeless } from './invariant-timeless/index.js';
import { linkResolves } from './link-resolves/index.js';
import { orphanCapsule } from './orphan-capsule/index.js';
import { seeAlsoResolves } from './see-also-resolves/index.js';
import { stubResolves } from './stub-resolves/index.js';

export const rules: readonly Rule[] = [
  frontmatterSchema,
  frontmatterConsistent,
  capsuleStructure,
  capsuleName,
  duplicateCapsule,
  stubResolves,
  seeAlsoResolves,
  checklistResolves,
  linkResolves,
  invariantLength,
  invariantTimeless,
  exampleLength,
  boundary,
  depthList,
  blockClosed,
  asciiOnly,
  endsWithChecklist,
  orphanCapsule,
  invariantImmutable,
];
