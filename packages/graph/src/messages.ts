/**
 * Diagnostics cross worker and cache boundaries as plain data and come back as
 * `VFileMessage`s, the one diagnostic type every reporter reads.
 */
import { VFileMessage } from 'vfile-message';

interface PlainPoint {
  line: number;
  column: number;
  offset?: number | undefined;
}

/** The structured-clone and JSON safe form of a message. */
export interface PlainMessage {
  reason: string;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
  place: PlainPoint | { start: PlainPoint; end: PlainPoint } | undefined;
  /** A related place (`cause`), when it is itself a message. */
  cause?: PlainMessage;
  /** Other own fields (url, note, actual, expected, messageId, data, fix, ...), copied as they are. */
  extra: Record<string, unknown>;
}

const handled = new Set(['reason', 'message', 'ruleId', 'source', 'fatal', 'place', 'line', 'column', 'name', 'stack', 'cause', 'ancestors']);

export function toPlainMessage(message: VFileMessage): PlainMessage {
  const place = message.place;
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    if (!handled.has(key) && value !== undefined && typeof value !== 'function') extra[key] = value;
  }
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    place: place && 'start' in place ? { start: { ...place.start }, end: { ...place.end } } : place ? { ...place } : undefined,
    extra,
    ...(message.cause instanceof VFileMessage ? { cause: toPlainMessage(message.cause) } : {}),
  };
}

export function fromPlainMessage(plain: PlainMessage, file: string): VFileMessage {
  const message = new VFileMessage(plain.reason, { place: plain.place, ruleId: plain.ruleId, source: plain.source });
  message.fatal = plain.fatal;
  Object.assign(message, plain.extra);
  message.file = file;
  if (plain.cause) message.cause = fromPlainMessage(plain.cause, String(plain.cause.extra['file'] ?? file));
  return message;
}
