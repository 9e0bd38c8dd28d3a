/**
 * Whether a link target leaves the repository: it has a URI scheme (`https:`, `mailto:`,
 * `docs:`) or is protocol-relative (`//host/path`). Everything else is a path, an anchor, or
 * a name. The parser, the rules and the site all ask here, so they never disagree on what
 * counts as an address.
 */
const scheme = /^[a-z][a-z0-9+.-]*:/i;

export function isAddress(target: string): boolean {
  return scheme.test(target) || target.startsWith('//');
}
