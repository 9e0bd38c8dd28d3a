import type { Span } from './model.js';

/** How extractors hand a problem to the plugin, which turns it into a positioned file message. */
export type Report = (reason: string, place: Span, ruleId: string) => void;
