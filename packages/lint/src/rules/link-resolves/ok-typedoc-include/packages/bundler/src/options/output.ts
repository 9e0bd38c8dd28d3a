export interface OutputOptions {
  /**
   * Text put before the bundle.
   *
   * {@include ./docs/output-banner.md}
   */
  banner?: string;
}
