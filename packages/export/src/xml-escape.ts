/**
 * Text in XML: what the context bundles and `capsule check`'s JUnit report write. Characters
 * outside XML 1.0's Char production (most control characters, lone surrogates) cannot appear
 * even as references, so they become U+FFFD; the rest is escaped where it would be markup.
 */

const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text: `&`, `<` and `>` escaped, so no `]]>` or tag survives. */
export function xmlText(text: string): string {
  return text.replace(notXmlChar, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A value in double quotes: white space other than spaces as references, which a parser would otherwise read as spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
