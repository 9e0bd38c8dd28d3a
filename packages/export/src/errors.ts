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

/** A budget too small for what a bundle must hold; `minimum` is the smallest that fits it. */
export class BudgetError extends ExportError {
  override name = 'BudgetError';
  constructor(
    message: string,
    readonly minimum: number,
    hint?: string,
  ) {
    super(message, hint);
  }
}
