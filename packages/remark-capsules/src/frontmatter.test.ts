import { describe, expect, it } from 'vitest';
import { maxFrontmatterDepth, maxFrontmatterLength } from './frontmatter.js';
import { parseCapsuleDocument } from './parse.js';

describe('frontmatter', () => {
  it('reads frontmatter whose lines end in a lone CR', () => {
    const { model, messages } = parseCapsuleDocument('---\rdescription: x\rtags: [a]\r---\r# T\r');
    expect(messages).toEqual([]);
    expect(model.frontmatter?.raw).toBe('description: x\rtags: [a]\r');
    expect(model.frontmatter?.fields.map((field) => [field.key, field.keyPosition.start.line])).toEqual([
      ['description', 2],
      ['tags', 3],
    ]);
  });

  it('reads frontmatter holding only comments as empty, not as a value that is no mapping', () => {
    const { model, messages } = parseCapsuleDocument('---\n# model: claude-haiku\n---\n# Persona\n');
    expect(messages).toEqual([]);
    expect(model.frontmatter?.data).toBeUndefined();
    expect(parseCapsuleDocument('---\n- a\n---\n# T\n').messages.map((message) => message.ruleId)).toEqual(['frontmatter-not-mapping']);
  });

  it('leaves a closing fence with trailing spaces out of the YAML', () => {
    const { model, messages } = parseCapsuleDocument('---\ndescription: x\n---   \n# T\n');
    expect(messages).toEqual([]);
    expect(model.frontmatter?.raw).toBe('description: x\n');
    expect(model.frontmatter?.data).toEqual({ description: 'x' });
  });
});

describe('frontmatter places', () => {
  it('ends a block value at its last character, not at the start of the next line', () => {
    const { model } = parseCapsuleDocument('---\naudience:\n  - LLMs\n  - Humans\ntags: [a]\n---\n');
    const audience = model.frontmatter?.fields.find((field) => field.key === 'audience');
    expect(audience?.valuePosition).toEqual({
      start: { line: 3, column: 3, offset: 16 },
      end: { line: 4, column: 11, offset: 33 },
    });
  });
});

describe('frontmatter errors', () => {
  it('points a duplicate key error at the repeated key, also when the pair before it has no value', () => {
    const text = '---\naudience:\naudience:\n---\n';
    for (const file of [text, text.replace(/\n/g, '\r\n')]) {
      const { messages } = parseCapsuleDocument(file);
      expect(messages.map((message) => [message.ruleId, message.place])).toEqual([
        ['yaml-syntax', { start: expect.objectContaining({ line: 3, column: 1 }), end: expect.objectContaining({ line: 3, column: 9 }) }],
      ]);
    }
  });
});

describe('YAML errors said as the writer\'s mistake', () => {
  const reasons = (yaml: string) => parseCapsuleDocument(`---\n${yaml}\n---\n# T\n`).messages.map((message) => [message.ruleId, message.reason]);
  const yamlError = (reason: string) => [['yaml-syntax', `Frontmatter is not valid YAML: ${reason}`]];

  it('tells a description going on over lines that read as keys once, at its start, with the block that mends it', () => {
    // As agent files write their examples: the lines after the first belong to the description.
    const runaway = [
      'name: reporter',
      'description: Use this agent for metrics. Examples:\\n<example>\\nContext: Monthly review',
      'user: "How did we do?"',
      'assistant: "I\'ll report."',
      '</example>\\n<example>\\nContext: Usage',
      'user: "Which features are used?"',
      'assistant: "I\'ll look."',
      '</example>',
      'tools: Read',
    ];
    expect(reasons(runaway.join('\n'))).toEqual(
      yamlError(
        'the value of `description` holds a colon followed by a space, which YAML reads as the start of another key, and its lines below go on with it but read as keys of their own; write it as a block (`description: |`) with every line of it indented under the key',
      ),
    );
    const quoted = [runaway[0], 'description: "Use this agent for metrics."', ...runaway.slice(2)].join('\n');
    expect(reasons(quoted).map(([, reason]) => reason)).toEqual([
      'Frontmatter is not valid YAML: the line `</example>` is text among the keys; if it goes on with the value of `description` above, write that value as a block (`description: |`) with every line of it indented under the key',
      'Frontmatter is not valid YAML: Map keys must be unique, and `user` is a key on line 4 already: the lines from line 4 look like text, not keys; if they go on with the value of `description` on line 3, write it as a block (`description: |`) with every line of it indented under the key',
      'Frontmatter is not valid YAML: Map keys must be unique, and `assistant` is a key on line 5 already',
    ]);
  });

  it('tells a line of text among the keys as the value above going on, not as a thematic break', () => {
    expect(reasons('description: Read a plan and explore.\n\nThis is followed by Plan, then Execute.\nauthor: Galen')).toEqual(
      yamlError(
        'the line `This is followed by Plan, then Execute.` is text among the keys; if it goes on with the value of `description` above, write that value as a block (`description: |`) with every line of it indented under the key',
      ),
    );
  });

  it('tells a quoted value going on over lines at the margin as such, not as a quote never closed', () => {
    const told = yamlError(
      'the quoted value of `description` goes on over lines that start at the margin, and YAML reads a quoted value over several lines only when the lines after its first are indented, so it finds no closing quote; indent those lines under the key, or keep the value on one line',
    );
    expect(reasons('title: "REST API"\ndescription: "\nFormbricks provides two APIs: a client API and a management API."')).toEqual(told);
    expect(reasons("description: 'It''s\nplain'\ntitle: T")).toEqual(told);
    // Indented, it is one value; never closed, it is told as YAML tells it.
    expect(reasons('description: "\n  Two APIs: a and b."')).toEqual([]);
    expect(reasons('description: "never closed\ntitle: T')[0]?.[1]).not.toContain('margin');
  });

  it('places a line of text among the keys over that line, with any line endings', () => {
    const text = '---\ndescription: Read a plan.\n\n| Phase | Focus |\n## Phases\n---\n# T\n';
    const places = ['\n', '\r\n'].map((ending) => {
      const [message] = parseCapsuleDocument(text.replace(/\n/g, ending)).messages;
      return [message?.ruleId, message?.place && 'start' in message.place ? [message.place.start.line, message.place.start.column, message.place.end.line, message.place.end.column] : undefined];
    });
    expect(places).toEqual([
      ['yaml-syntax', [4, 1, 4, 18]],
      ['yaml-syntax', [4, 1, 4, 18]],
    ]);
  });

  it('names where a repeated key was first set, and blames no value when the keys between are keys', () => {
    expect(reasons('name: a\ntitle: b\nname: c')).toEqual(yamlError('Map keys must be unique, and `name` is a key on line 2 already'));
  });

  it('names a backslash escape in double quotes, a glob in a flow list and a full-width colon', () => {
    expect(reasons('title: "Anomaly of \\int d^4x"')).toEqual(
      yamlError('`\\i` inside double quotes starts an escape YAML does not know; put the value in single quotes, where a backslash is a backslash, or write it `\\\\`'),
    );
    expect(reasons('globs: [*]')).toEqual(yamlError('a `*` in a list reads as a reference to an anchor; put each pattern in quotes (`["*"]`)'));
    const fullWidth = yamlError('`title` is followed by a full-width colon `：`, which YAML does not read as one; write `:` and a space');
    expect(reasons('title：中文\ndescription: x')).toEqual(fullWidth);
    expect(reasons('title：中文')).toEqual(fullWidth);
    // A full-width colon inside a value is text.
    expect(reasons('description: 中文：说明')).toEqual([]);
  });
});

describe('a closing fence that is not three dashes', () => {
  const findingsOf = (text: string) =>
    parseCapsuleDocument(text).messages.map((message) => [
      message.ruleId,
      message.reason,
      message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : '',
    ]);
  const keys = 'title: Jobs\nstatus: stable\n';

  it('is told where the YAML overran it to the next `---`, not as the YAML error that follows', () => {
    const overrun = (fence: string, closingLine: number) =>
      `Frontmatter is not valid YAML: the \`${fence}\` on line 4 does not end the frontmatter, as only a line of three dashes does, so it runs on to line ${closingLine} and the lines between are read as YAML; make line 4 \`---\``;
    expect(findingsOf(`---\n${keys}-----\n\n## Capsule: Jobs\n\ntext\n\n---\n\nmore\n`)).toEqual([['yaml-syntax', overrun('-----', 10), '4:1-4:6']]);
    expect(findingsOf(`---\r\n${keys.replace(/\n/g, '\r\n')}----\r\n\r\nSome text.\r\n\r\n---\r\n`)).toEqual([['yaml-syntax', overrun('----', 8), '4:1-4:5']]);
  });

  it('leaves a YAML error before that line, and a line of dashes inside a valid value, to the YAML', () => {
    expect(findingsOf(`---\ntitle: [a\n-----\n---\n`).map(([ruleId, reason]) => [ruleId, reason!.includes('does not end')])).toEqual([['yaml-syntax', false]]);
    expect(findingsOf(`---\nnote: |\n  ----\n  kept\n---\n# T\n`)).toEqual([]);
  });

  it('is told at the opening fence when nothing closes the frontmatter, which then reads as Markdown', () => {
    expect(findingsOf(`---\n${keys}-----\n\n## Capsule: Jobs\n`)).toEqual([
      [
        'frontmatter-unclosed',
        'Frontmatter is never closed: the `-----` on line 4 does not end it, as only a line of three dashes does, so its keys are read as Markdown and the document has no frontmatter; make line 4 `---`',
        '1:1-1:4',
      ],
    ]);
    expect(findingsOf(`---\n${keys}tags:\n  - a\n\n# Title\n`)).toEqual([
      [
        'frontmatter-unclosed',
        'Frontmatter is never closed: no line of three dashes ends it, so its keys are read as Markdown and the document has no frontmatter; end it with a line of `---`',
        '1:1-1:4',
      ],
    ]);
  });

  it('is told at a `...` that ends it as pandoc and Jekyll read it, which GitHub does not', () => {
    const dots = (line: number) =>
      `Frontmatter ends with \`...\` on line ${line}, as pandoc and Jekyll allow, but GitHub and this check take only \`---\`: for them it is never closed, its keys are read as Markdown and the document has no frontmatter; make line ${line} \`---\`, which pandoc and Jekyll read too`;
    expect(findingsOf(`---\n${keys}...\n\n# Jobs\n`)).toEqual([['frontmatter-unclosed', dots(4), '4:1-4:4']]);
    // A block value with blank lines in it, as a pandoc title page holds, and CRLF line endings.
    const titlePage = `---\r\ntitle: Spec\r\ncopyright: |\r\n    Line one.\r\n\r\n    Line two.\r\nauthor:\r\n  - Someone\r\nlang: en\r\n... \r\n\r\n# Introduction\r\n`;
    expect(findingsOf(titlePage)).toEqual([['frontmatter-unclosed', dots(10), '10:1-10:4']]);
    // A `...` after the YAML has given way to Markdown is no closer.
    expect(findingsOf(`---\n${keys}tags:\n  - a\n\n# Title\n\n...\n`).map(([, reason]) => reason!.startsWith('Frontmatter is never closed: no line'))).toEqual([true]);
  });

  it('leaves a document that opens with a thematic break over prose alone', () => {
    expect(findingsOf('---\nNote: this page moved.\n\nSee the new one.\n')).toEqual([]);
    expect(findingsOf('---\n\ntitle: x\nstatus: y\n')).toEqual([]);
    expect(findingsOf('---\n# Title\nkey: value\n')).toEqual([]);
  });
});

describe('a merge conflict committed in the frontmatter', () => {
  it('is told as the markers it holds, at the first of them', () => {
    const text = '---\n<<<<<<< HEAD\ndescription: Lint rules\n=======\ndescription: Formatter rules\n>>>>>>> main\nglobs: "**/*.ts"\n---\n# Rules\n';
    expect(
      parseCapsuleDocument(text).messages.map((message) => [
        message.reason,
        message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : '',
      ]),
    ).toEqual([
      [
        'Frontmatter is not valid YAML: it holds the markers of a merge conflict (`<<<<<<< HEAD` on line 2), committed before the conflict was resolved; keep the lines of one side and delete the markers',
        '2:1-2:13',
      ],
    ]);
  });
});

describe('a colon inside a plain value', () => {
  const findingsOf = (yaml: string) =>
    parseCapsuleDocument(`---\n${yaml}\n---\n# T\n`).messages.map((message) => [
      message.reason,
      message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : '',
    ]);
  const quoteIt = (key: string) =>
    `Frontmatter is not valid YAML: the value of \`${key}\` holds a colon followed by a space, which YAML reads as the start of another key; put the value in quotes`;

  it('is reported at that colon, with the key it belongs to and the fix', () => {
    expect(findingsOf('name: deliver\ndescription: Ship changes end to end: build, test, release')).toEqual([[quoteIt('description'), '3:37-3:38']]);
    expect(findingsOf('files:\n  - tests/auth.py (LoginTests: 4 tests, LogoutTests: 2 tests)')).toEqual([
      [
        'Frontmatter is not valid YAML: this list item holds a colon followed by a space, which YAML reads as the start of another key; put the item in quotes',
        '3:52-3:53',
      ],
    ]);
    // A name before the first colon was meant as a key: its value takes the quotes, not the item.
    expect(findingsOf('parameters:\n  - commit_count: number of commits to read (default: 100)')).toEqual([[quoteIt('commit_count'), '3:53-3:54']]);
  });

  it('is reported once for a value holding many, as agent descriptions with examples do', () => {
    const description =
      'description: Use this agent for reviews. Examples: <example>Context: a change is ready. user: "Review it" assistant: "I will use the reviewer" <commentary>Reviews go here.</commentary></example>';
    expect(findingsOf(`name: reviewer\n${description}\nmodel: inherit`)).toEqual([[quoteIt('description'), '3:50-3:51']]);
  });

  it('leaves quoted values, URLs and times alone', () => {
    expect(findingsOf('description: "Ship it: now"\nlink: https://example.com/a\nat: 10:30')).toEqual([]);
  });
});

describe('a value opening with a character YAML reads as syntax', () => {
  const findingsOf = (yaml: string) =>
    parseCapsuleDocument(`---\n${yaml}\n---\n# T\n`).messages.map((message) => [
      message.reason,
      message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}` : '',
    ]);

  it('names the key and the opening character, and says how to quote the value', () => {
    expect(findingsOf('description: Open a draft PR\nargument-hint: [FILES=<paths>] [PR_TITLE="<title>"]')).toEqual([
      [
        'Frontmatter is not valid YAML: the value of `argument-hint` starts with `[`, so YAML reads a list that ends at the first `]` and finds text left over after it; put the whole value in quotes',
        '3:16',
      ],
    ]);
    expect(findingsOf('description: "Fast" and small')).toEqual([
      [
        'Frontmatter is not valid YAML: the value of `description` starts with a quote, so YAML reads only the quoted part and finds text left over after it; put the whole value in single quotes',
        '2:14',
      ],
    ]);
    expect(findingsOf('concepts:\n  - "Saga" (pattern)')).toEqual([
      [
        'Frontmatter is not valid YAML: this list item starts with a quote, so YAML reads only the quoted part and finds text left over after it; put the whole item in single quotes',
        '3:5',
      ],
    ]);
    expect(findingsOf('description: @reviewer checks it')).toEqual([
      ['Frontmatter is not valid YAML: the value of `description` starts with `@`, which YAML reserves; put the whole value in quotes', '2:14'],
    ]);
  });

  it('tells a bracket closed before text of choices the same way, not as a missing comma between items', () => {
    expect(findingsOf('description: Clear caches\nargument-hint: [--deep] | [--all]')).toEqual([
      [
        'Frontmatter is not valid YAML: the value of `argument-hint` starts with `[`, so YAML reads a list that ends at the first `]` and finds text left over after it; put the whole value in quotes',
        '3:16',
      ],
    ]);
    expect(findingsOf('argument-hint: {name} | --dry-run')).toEqual([
      [
        'Frontmatter is not valid YAML: the value of `argument-hint` starts with `{`, so YAML reads a mapping that ends at the first `}` and finds text left over after it; put the whole value in quotes',
        '2:16',
      ],
    ]);
  });

  it('leaves a missing comma inside a list still open to YAML\'s own words', () => {
    expect(findingsOf('tags: ["alpha" "beta"]')).toEqual([['Frontmatter is not valid YAML: Missing , or : between flow sequence items', '2:16']]);
    expect(findingsOf('tags: [[alpha], "beta" "gamma"]')).toEqual([['Frontmatter is not valid YAML: Missing , or : between flow sequence items', '2:24']]);
  });

  it('says a list item whose text a colon made a key is mended by quoting the item, not the value', () => {
    expect(findingsOf('triggers:\n  - Any change to the docs.\n  - Any change to the contracts: `C-08` or `C-09`.')).toEqual([
      [
        'Frontmatter is not valid YAML: this list item holds a colon followed by a space, which makes `Any change to the contracts` a key, and its value starts with a backtick, which YAML reserves; put the whole item in quotes',
        '4:34',
      ],
    ]);
  });

  it('says a list item of a lone `?` opened an empty key, at the `?`, and is mended by quoting it', () => {
    // PowerShell's `Where-Object` has the alias `?`.
    expect(findingsOf('aliases:\n  - ?\n  - where')).toEqual([
      ["Frontmatter key is empty: a `?` alone begins a mapping key in YAML, not the text `?`; put it in quotes, `'?'`", '3:5'],
    ]);
    expect(findingsOf('? [a, b]\n: c')).toEqual([['Frontmatter keys must be plain strings', '2:3']]);
  });

  it('names the item of a bracketed list that starts with a reserved character, not the list', () => {
    expect(findingsOf('tags: [inline-calls, %InlineString, template]')).toEqual([
      ['Frontmatter is not valid YAML: the item `%InlineString` starts with `%`, which YAML reserves; put that item in quotes', '2:22'],
    ]);
    expect(findingsOf('tags: [a, @b]')).toEqual([['Frontmatter is not valid YAML: the item `@b` starts with `@`, which YAML reserves; put that item in quotes', '2:11']]);
  });

  it('says a value of globs that starts with `*` reads as a reference to an anchor', () => {
    expect(findingsOf('globs: *.py, **/*.py')).toEqual([
      ['Frontmatter is not valid YAML: the value of `globs` starts with `*`, which YAML reads as a reference to an anchor; put the whole value in quotes', '2:8'],
    ]);
    // A `*` alone, as rules copied from Cursor's into other agents' files write every file: YAML's error is an alias of no name.
    for (const globs of ['globs: *', 'globs: *, *.md']) {
      expect(findingsOf(`description: Rules\n${globs}\nalwaysApply: true`)).toEqual([
        ['Frontmatter is not valid YAML: the value of `globs` starts with `*`, which YAML reads as a reference to an anchor; put the whole value in quotes', '3:8'],
      ]);
    }
  });

  it('says quoted items in a row were meant as a list in brackets', () => {
    expect(findingsOf("name: Feature\nlabels: 'enhancement', 'security'")).toEqual([
      [
        "Frontmatter is not valid YAML: the value of `labels` is quoted items separated by commas, which YAML reads as one quoted item with text left over; for a list, write them in brackets: `['enhancement', 'security']`",
        '3:9',
      ],
    ]);
  });

  it('says frontmatter that reads as Markdown was most likely a thematic break on the first line', () => {
    const text = '---\n\n## Section: Book Structure\n\nThe book opens with an examination.\n\n---\n\n## Next\n';
    expect(parseCapsuleDocument(text, 'doc.md').messages.map((message) => [message.ruleId, message.reason])).toEqual([
      [
        'frontmatter-not-mapping',
        'Frontmatter must be a mapping of keys to values. It reads as Markdown: a `---` on the first line opens frontmatter, which the next `---` closes; if a thematic break was meant, drop it or draw it with `***`',
      ],
    ]);
    expect(parseCapsuleDocument('---\n- a\n- b\n---\n# T\n', 'doc.md').messages.map((message) => message.reason)).toEqual(['Frontmatter must be a mapping of keys to values']);
  });

  it('reads a placeholder value as one that needs quotes, and leaves it alone in a template', () => {
    expect(findingsOf('title: A note\nslug: {{title}}')).toEqual([
      [
        'Frontmatter is not valid YAML: the value of `slug` starts with `{{`, which YAML reads as a mapping inside a mapping, not as a placeholder; put the value in quotes',
        '3:7',
      ],
    ]);
    expect(parseCapsuleDocument('---\nslug: {{title}}\n---\n# T\n', 'templates/Article.md').messages).toEqual([]);
  });

  it('leaves whole lists and quoted values alone, and other errors in the parser\'s words', () => {
    expect(findingsOf('argument-hint: [message]\ndescription: "Fast, small"')).toEqual([]);
    expect(findingsOf('tags: [a,\n  b] c')).toEqual([['Frontmatter is not valid YAML: Unexpected scalar at node end', '3:6']]);
  });
});

describe('hostile frontmatter', () => {
  const findings = (yaml: string) =>
    parseCapsuleDocument(`---\n${yaml}\n---\n# T\n`).messages.map((message) => `${message.ruleId} ${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}` : ''}`);

  it('reads an alias to no anchor as a value that needed quotes, as an unquoted glob is', () => {
    const messages = parseCapsuleDocument('---\napplyTo: **/*.ts\n---\n# T\n').messages;
    expect(messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['yaml-syntax', 'Frontmatter is not valid YAML: `**/*.ts` starts with `*`, which YAML reads as a reference to an anchor; put the value in quotes'],
    ]);
    expect(findings('globs: [*.md, *.mdx]\nnote: x')).toEqual(['yaml-syntax 2:9']);
  });

  it('reports an alias bomb once, at its first alias', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of [...'bcdefghi'].entries()) {
      const previous = 'abcdefghi'[index]!;
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    expect(findings(levels.join('\n'))).toEqual(['yaml-alias 3:8']);
  });

  it('says an alias is valid YAML that is refused, naming it', () => {
    const messages = parseCapsuleDocument('---\nlang: &lang Java\nlinkTitle: *lang\n---\n# T\n').messages;
    expect(messages.map((message) => message.reason)).toEqual([
      'Frontmatter uses the YAML alias `*lang`, valid YAML that this checker does not expand (an alias can expand without bound), so the value is not read; write it out',
    ]);
  });

  it('refuses collections nested past the limit with one finding where the limit is crossed', () => {
    const deep = maxFrontmatterDepth + 1;
    expect(findings(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toEqual([`yaml-depth 2:${4 + maxFrontmatterDepth - 1}`]);
    expect(findings(Array.from({ length: deep }, (_, level) => `${' '.repeat(level)}k:`).join('\n'))).toEqual([`yaml-depth ${deep + 1}:${deep}`]);
    expect(findings(`a:\n  ${'- '.repeat(deep)}x`)).toHaveLength(1);
    expect(findings(`description: "${'['.repeat(deep)}" # ${'{'.repeat(deep)}\nnote: it's [fine`)).toEqual([]);
  });

  it('refuses oversized frontmatter at its opening fence', () => {
    expect(findings(`description: ${'x'.repeat(maxFrontmatterLength)}`)).toEqual(['frontmatter-too-large 1:1']);
  });

  it('finds a repeated key among thousands', () => {
    const keys = Array.from({ length: 4000 }, (_, index) => `k${index}: v`);
    keys.push("k42: again");
    expect(findings(keys.join('\n'))).toEqual(['yaml-syntax 4002:1']);
  });

  it('keeps `__proto__` and `constructor` data away from every prototype', () => {
    const { model, messages } = parseCapsuleDocument('---\n__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\nnested:\n  __proto__: {polluted: 1}\n---\n');
    expect(messages.map((message) => message.ruleId)).toEqual(['yaml-key', 'yaml-key', 'yaml-key']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(model.frontmatter?.data)).toBeNull();
    expect(Object.keys(model.frontmatter?.data ?? {})).toEqual(['nested']);
  });
});
