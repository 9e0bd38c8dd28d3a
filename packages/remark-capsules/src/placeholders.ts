/** Paths that are patterns for a template or a reader to fill in, not files. */

/**
 * A target that is a name in capitals joined by underscores, `ENGLISH_PAGE`, as a script that
 * fills a template writes its blanks. A file may be so named too (`CODE_OF_CONDUCT` written
 * without its `.md`): this is asked only of a target for which no file was found to suggest.
 */
export function isPlaceholderName(target: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(target);
}

/**
 * A target with template placeholders (`{{app}}`, `${name}`, `<namespace>`, `{SLUG}`,
 * `__RENDERED_URL__`, a printf verb such as `%s`, which no percent-encoding spells, a
 * variable such as `%api_link%`, the very word for a target, `link` or `URL`, or `…`) is a
 * pattern a template fills in later, not a path: no file is meant to exist there yet. A
 * dunder name in lower case (`__init__.py`) is a file's. So is one that says it is a blank:
 * `placeholder`, `TODO` or `TBD` for the whole target, the conventional `path/to/` of a
 * made-up path (`path/to/filename.ext`), or a number's blank in capitals, `NNNN` or `XXXX`
 * (`#NNNN` in a decision log's first row, `adr/XXXX-title.md`), as `YYYY-MM-DD` is a date's.
 */
export function isTemplated(target: string): boolean {
  return (
    isTemplatedAnchor(target) ||
    /%[svq]|%d(?![0-9a-f])/i.test(target) ||
    /(?:^|\/)path\/to\//i.test(target) ||
    // A format's blank, `[Title](link)`, `[text](URL)`, `[{file}](path)`: the word for a target,
    // not a file's name, in English or in the language of the template around it (`路径`,
    // `相对路径`, `パス`, `경로`); or a target left out, `**[X](…)**`, as a style guide shows a
    // link without naming one.
    /^(?:link|url|uri|href|address|path|placeholder|todo|tbd|…|\.\.\.)$/i.test(target) ||
    /^(?:(?:相对|相對|绝对|絕對|文件|檔案)?(?:路径|路徑)|链接|鏈接|連結|地址|网址|網址|(?:相対)?パス|リンク|경로|링크|주소)$/.test(target) ||
    // Writerside's and other builds' variables, `%api_link%`; not a run of percent-encoded bytes (`%E2%80%99`).
    [...target.matchAll(/%([A-Za-z_][\w.-]*)%/g)].some(([, name]) => !/^[0-9a-f]+$/i.test(name!))
  );
}

/**
 * An anchor with a template's blanks (`#{id}`, `#${slug}`, `#NNNN`): the marks of `isTemplated`
 * that no heading's anchor holds. The words for a target (`#link`, `#todo`) are not among them,
 * as a heading may well be so named.
 */
export function isTemplatedAnchor(anchor: string): boolean {
  return (
    /\{\{.*\}\}|\$\{[^}]*\}|<[a-z][\w-]*>|\{[a-z_][\w.-]*\}/i.test(anchor) ||
    /__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__/.test(anchor) ||
    /(?:^|[^A-Za-z])(?:N{3,}|X{3,})(?![A-Za-z])/.test(anchor)
  );
}
