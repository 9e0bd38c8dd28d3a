/** A request the export cannot satisfy as asked: the command turns it into a usage error. */
export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    message: string,
    /** What to do about it. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
