export interface OutputOptions {
  /** {@include ./docs/output-banner.md} */
  banner?: string;
  /** {@includeCode ./docs/output-footer.md} */
  footer?: string;
}
