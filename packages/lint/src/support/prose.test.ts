import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from 'remark-capsules';
import { proseOf, technicalRanges, technicalToken } from './prose.js';

function invariantProse(line: string) {
  const source = `### Capsule: Sample\n\n**Invariant**\n${line}\n`;
  const invariant = parseCapsuleDocument(source).model.capsules[0]!.invariant!;
  return { source, prose: proseOf(invariant.nodes, source) };
}

describe('proseOf', () => {
  it('leaves code spans and autolinks out of the prose', () => {
    const { prose } = invariantProse('Run `v2.3.1` and see <https://example.org/2024>.');
    expect(prose.text).not.toContain('2.3.1');
    expect(prose.text).not.toContain('2024');
    expect(prose.text).toContain('Run ');
  });

  it('marks URLs, IP addresses, ports and paths as technical, and words as not', () => {
    const { prose } = invariantProse('Reach 10.0.0.5 on :8080 via https://a.example/b or /etc/hosts, src/a/b.ts and read/write.');
    const technical = prose.technical.map(([from, to]) => prose.text.slice(from, to));
    expect(technical).toEqual(['10.0.0.5', ':8080', 'https://a.example/b', '/etc/hosts', 'src/a/b.ts']);
  });

  it('marks address ranges written with wildcards as technical, but not a version range', () => {
    const { prose } = invariantProse('Pods get 10.11.x.x and nodes 172.16.2.*, while clients stay on 1.2.x.');
    const technical = prose.technical.map(([from, to]) => prose.text.slice(from, to));
    expect(technical).toEqual(['10.11.x.x', '172.16.2.*']);
  });

  it('maps a piece of prose back to its exact place, across emphasis', () => {
    const { source, prose } = invariantProse('Keep it *until **2025***.');
    const at = prose.text.indexOf('2025');
    const place = prose.placeOf(at, at + 4);
    expect(source.slice(place.start.offset, place.end.offset)).toBe('2025');
  });

  it('gives a text with escapes the span of its node rather than a wrong place', () => {
    const { source, prose } = invariantProse('Say \\* never in 2025.');
    const at = prose.text.indexOf('2025');
    const place = prose.placeOf(at, at + 4);
    expect(source.slice(place.start.offset, place.end.offset)).toContain('2025');
  });

  it('finds the technical tokens that trying every pattern on every token finds', () => {
    // The reference: each whitespace-separated token, its wrapping marks taken off, tried against every pattern.
    const everyToken = (text: string) =>
      [...text.matchAll(/[^\s\u{FFFC}]+/gu)].flatMap((match) => {
        const open = /^[("'“‘«\[{]+/u.exec(match[0])?.[0].length ?? 0;
        const unwrapped = match[0].slice(open);
        const token = unwrapped.slice(0, unwrapped.length - (/[)"'”’»\]},.;:!?]+$/u.exec(unwrapped)?.[0].length ?? 0));
        return token !== '' && technicalToken.some((pattern) => pattern.test(token)) ? [[match.index + open, match.index + open + token.length]] : [];
      });
    const piece = fc.constantFrom('word', 'v2', '10', '.', ':', '/', '~', 'www', 'x', '*', '(', ')', '"', '[', '8080', 'https', 'a-b', '_', ' ', '\n', '\u{FFFC}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(technicalRanges(text)).toEqual(everyToken(text));
      }),
      { numRuns: 3000 },
    );
  });
});
