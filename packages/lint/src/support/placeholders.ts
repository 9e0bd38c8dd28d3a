/** Paths that are patterns for a template or a reader to fill in, not files. */

/**
 * A target with template placeholders (`{{app}}`, `${name}`, `<namespace>`, `{SLUG}`,
 * `__RENDERED_URL__`, a printf verb such as `%s`, which no percent-encoding spells) is a
 * pattern a template fills in later, not a path: no file is meant to exist there yet. A
 * dunder name in lower case (`__init__.py`) is a file's.
 */
export function isTemplated(target: string): boolean {
  return /\{\{.*\}\}|\$\{[^}]*\}|<[a-z][\w-]*>|\{[a-z_][\w.-]*\}|%[svq]|%d(?![0-9a-f])/i.test(target) || /__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__/.test(target);
}
