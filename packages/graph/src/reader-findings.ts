/**
 * The findings that come from reading and parsing a file rather than from a rule: their ids
 * and what each means, for reporters that describe every id they emit (SARIF lists a rule
 * entry for each). The ids are the ones `document.ts`, `corpus.ts` and the parser report.
 */

export interface FindingDescription {
  /** One line: what went wrong. */
  description: string;
  /** What to do about it. */
  help: string;
}

export const readerFindings: Readonly<Record<string, FindingDescription>> = {
  'binary-file': {
    description: 'The file holds NUL bytes: it is binary, not Markdown',
    help: 'Leave binary files out of the corpus with `exclude`, or rename them so `include` does not match them.',
  },
  'nul-character': {
    description: 'A line holds a NUL character, which the page shows as a replacement character',
    help: 'Delete the NUL character; git and GitHub read the file as text, as the NUL is past its first 8,000 bytes.',
  },
  'invalid-encoding': {
    description: 'The file is not valid UTF-8 text',
    help: 'Save the file as UTF-8.',
  },
  'unreadable-file': {
    description: 'The file could not be read',
    help: 'Check the file\'s permissions, or leave it out with `exclude`.',
  },
  'outside-root': {
    description: 'A symbolic link leads outside the corpus root; it was not followed',
    help: 'Point the link at a file inside the root, or leave it out with `exclude`.',
  },
  'file-too-large': {
    description: 'The file is over the size limit and was not read',
    help: 'Split the document, or raise `limits.maxFileBytes` in the configuration.',
  },
  'nesting-too-deep': {
    description: 'Lists or block quotes nest deeper than the limit; the file was not parsed',
    help: 'Flatten the nesting, or raise `limits.maxNestingDepth` in the configuration.',
  },
  'inline-too-complex': {
    description: 'A paragraph holds more inline markers than the limit; the file was not parsed',
    help: 'Break the paragraph up, or raise `limits.maxInlineMarkers` in the configuration.',
  },
  'yaml-syntax': {
    description: 'The frontmatter is not valid YAML',
    help: 'Fix the YAML at the place shown; quote values that hold `:` or `#`.',
  },
  'toml-syntax': {
    description: 'The frontmatter between `+++` fences is not valid TOML',
    help: 'Fix the TOML at the place shown; quote string values, and close each quote on its line.',
  },
  'frontmatter-unclosed': {
    description: 'The frontmatter is never closed, so it is read as Markdown',
    help: 'End the frontmatter with a line of exactly three dashes, `---`.',
  },
  'frontmatter-too-large': {
    description: 'The frontmatter is too large to be read',
    help: 'Keep the frontmatter to a few keys; move long text into the document.',
  },
  'yaml-depth': {
    description: 'The frontmatter nests too deep to be read',
    help: 'Flatten the frontmatter; capsule documents need only flat keys and lists.',
  },
  'yaml-alias': {
    description: 'The frontmatter uses a YAML alias',
    help: 'Write the value out instead of referring to an anchor.',
  },
  'yaml-key': {
    description: 'A frontmatter key is not a plain string, or is a reserved name',
    help: 'Use plain words for keys.',
  },
  'frontmatter-not-mapping': {
    description: 'The frontmatter is not a mapping of keys to values',
    help: 'Write the frontmatter as `key: value` lines.',
  },
  'capsule-name-missing': {
    description: 'A capsule heading has no name',
    help: 'Name the capsule after `Capsule:`, as a short CamelCase noun.',
  },
  'internal-error': {
    description: 'The tool failed on this file',
    help: 'Report it with the file that caused it; the other files were checked.',
  },
};
