import { describe, expect, it } from 'vitest';
import { parseCapsuleDocument } from './parse.js';

function capsuleOf(text: string) {
  const capsule = parseCapsuleDocument(text).model.capsules[0];
  if (!capsule) throw new Error('expected a capsule');
  return capsule;
}

describe('capsule parts', () => {
  it('starts block-label content on the next line with CRLF line endings', () => {
    const lf = capsuleOf('### Capsule: Alpha\n\n**Invariant**\nState it.\n').invariant;
    const crlf = capsuleOf('### Capsule: Alpha\r\n\r\n**Invariant**\r\nState it.\r\n').invariant;
    expect(lf?.contentPosition?.start).toEqual({ line: 4, column: 1, offset: 34 });
    expect(crlf?.contentPosition?.start).toEqual({ line: 4, column: 1, offset: 37 });
  });

  it('reads code the same with CRLF and LF line endings', () => {
    const text = '### Capsule: Alpha\n\n**Example**\n\n```\nfirst\nsecond\n```\n';
    const lf = capsuleOf(text).example;
    const crlf = capsuleOf(text.replace(/\n/g, '\r\n')).example;
    expect(lf?.text).toBe('first\nsecond');
    expect(crlf?.text).toBe('first\nsecond');
  });
});

describe('capsules written without blank lines', () => {
  it('starts a part at every line that opens with a part label', () => {
    const capsule = capsuleOf(
      '### Capsule: Compact\n**Invariant**\nOne sentence.\n**Example**: One line.\n**Good**: stays content\n**Depth**\n- Distinction: x\n',
    );
    expect(capsule.parts.map((part) => [part.kind, part.form, part.text])).toEqual([
      ['invariant', 'block', 'One sentence.'],
      ['example', 'inline', 'One line. Good: stays content'],
      ['depth', 'block', 'Distinction: x'],
    ]);
    expect(capsule.invariant?.contentPosition).toEqual({
      start: { line: 3, column: 1, offset: 35 },
      end: { line: 3, column: 14, offset: 48 },
    });
  });

  it('leaves a label with nothing under it empty instead of taking the next label for content', () => {
    const capsule = capsuleOf('### Capsule: Compact\n\n**Invariant**\n**Example**\nText.\n');
    expect(capsule.parts.map((part) => [part.kind, part.text])).toEqual([
      ['invariant', ''],
      ['example', 'Text.'],
    ]);
  });
});

describe('part text', () => {
  it('keeps a space where a hard break splits a line', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Invariant**\nfirst line  \nsecond line\\\nthird\n');
    expect(capsule.invariant?.text).toBe('first line second line third');
  });

  it('leaves a boundary line written under the Example text out of the text', () => {
    const capsule = capsuleOf(
      '### Capsule: Alpha\n\n**Example**\nGrep first, then propose.\n//BOUNDARY: Never change unread code\n',
    );
    expect(capsule.example?.text).toBe('Grep first, then propose.');
    expect(capsule.boundaries.map((boundary) => [boundary.text, boundary.part])).toEqual([
      ['Never change unread code', 'example'],
    ]);
  });

  it('does not take a boundary line above the first label for a preamble', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n//BOUNDARY: too early\n\n**Invariant**\nText.\n');
    expect(capsule.preamble).toBeUndefined();
    expect(capsule.boundaries.map((boundary) => [boundary.text, boundary.part])).toEqual([['too early', 'none']]);
  });

  it('takes only lines that start with the marker for boundary lines, not text after U+2028', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Example**\nText\u2028//BOUNDARY: not a line of its own\n//BOUNDARY: real \u2028 one\n');
    expect(capsule.boundaries.map((boundary) => [boundary.text, boundary.position.start.line])).toEqual([['real \u2028 one', 5]]);
  });

  it('leaves a boundary line that continues the last list item out of the text', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Example**\n\n1. Look\n2. Leap\n//BOUNDARY: Look first\n');
    expect(capsule.example?.text).toBe('Look\nLeap');
  });

  it('separates the paragraphs of a quote and the cells of a table', () => {
    const capsule = capsuleOf(
      '### Capsule: Alpha\n\n**Example**\n\n> One.\n>\n> Two.\n\n| Ask | Instead |\n| --- | --- |\n| What? | Who? |\n',
    );
    expect(capsule.example?.text).toBe('One.\n\nTwo.\n\nAsk | Instead\nWhat? | Who?');
  });
});

describe('hostile nesting', () => {
  it('reads a part that nests quotes thousands deep instead of losing the document', () => {
    const { model, messages } = parseCapsuleDocument(`### Capsule: Alpha\n\n**Example**\n\n${'> '.repeat(3000)}deep\n`);
    expect(messages).toEqual([]);
    expect(model.capsules[0]?.example?.text).toBe('deep');
  });
});

describe('depth items and SeeAlso', () => {
  it('reads a bullet holding a bare URL as a plain bullet, not as a key', () => {
    const [item] = capsuleOf('### Capsule: Alpha\n\n**Depth**\n\n- https://example.com/page\n').depthItems;
    expect(item).toMatchObject({ key: undefined, normalizedKey: undefined, value: 'https://example.com/page' });
  });

  it('spans a two-word key whose words a line break separates, with any line endings', () => {
    const text = '### Capsule: Alpha\n\n**Depth**\n\n- Staging\n  advantage: test there first\n';
    for (const file of [text, text.replace(/\n/g, '\r\n')]) {
      const [item] = capsuleOf(file).depthItems;
      expect(item?.key).toBe('Staging advantage');
      expect(item?.keyPosition?.start).toMatchObject({ line: 5, column: 3 });
      expect(item?.keyPosition?.end).toMatchObject({ line: 6, column: 12 });
    }
  });

  it('reads the items and references of a repeated Depth part too', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: Beta\n\n**Depth**\n\n- SeeAlso: Gamma\n');
    expect(capsule.depthItems.map((item) => item.value)).toEqual(['Beta', 'Gamma']);
    expect(capsule.seeAlso.map((reference) => [reference.target, reference.position.start.line])).toEqual([
      ['Beta', 5],
      ['Gamma', 9],
    ]);
  });

  it('starts the SeeAlso value after a bold key that holds its colon', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Depth**\n\n- **SeeAlso:** Beta, Gamma\n');
    expect(capsule.seeAlso.map((reference) => [reference.raw, reference.target, reference.position.start.column])).toEqual([
      ['Beta', 'Beta', 16],
      ['Gamma', 'Gamma', 22],
    ]);
  });

  it('reads SeeAlso targets from the item line only, not from a list nested under it', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Depth**\n\n- SeeAlso: Beta\n  - Distinction: nested\n');
    expect(capsule.seeAlso.map((reference) => reference.raw)).toEqual(['Beta']);
    expect(capsule.seeAlso[0]?.position.end).toEqual({ line: 5, column: 16, offset: 46 });
  });
});

describe('capsule names', () => {
  it('places a name written with markup on the written name, not on the heading start', () => {
    const capsule = capsuleOf('## Capsule: `Code` Name\n\n**Invariant**\nText.\n');
    expect(capsule.name).toBe('Code Name');
    expect(capsule.namePosition).toEqual({
      start: { line: 1, column: 13, offset: 12 },
      end: { line: 1, column: 24, offset: 23 },
    });
  });

  it('opens a capsule under a name of several words only over a part label', () => {
    const capsulesOf = (text: string) => parseCapsuleDocument(text).model.capsules.map((capsule) => capsule.name);
    // A README about a product's own "capsules": headings, not capsules without parts.
    expect(capsulesOf('### Capsule: The Audit Protocol\n\nEvery action seals a capsule.\n\n**Why**\nAudits.\n')).toEqual([]);
    expect(capsulesOf('### Capsule: Retry Budget\n\n**Example**\nThree tries.\n')).toEqual(['Retry Budget']);
    expect(capsulesOf('### Capsule: Retry Budget\n**Depth**: - SeeAlso: Other\n')).toEqual(['Retry Budget']);
    // One word over no label is a capsule still being written: half a capsule is worth its findings.
    expect(capsulesOf('### Capsule: RetryBudget\n\nNothing yet.\n')).toEqual(['RetryBudget']);
  });

  it('opens no capsule under labels of another vocabulary only', () => {
    const capsulesOf = (text: string) => parseCapsuleDocument(text).model.capsules.map((capsule) => capsule.name);
    // A repository whose own "capsules" are something else, with labels of its own.
    expect(capsulesOf('## Capsule: `linkN`\n\n**Purpose:** Models links between capsules.\n\n---\n\n## Overview\n')).toEqual([]);
    // A capsule's own labels open one, whatever else is there: See Also, or a part among others.
    expect(capsulesOf('### Capsule: Alpha\n\n**See Also**:\n\n- Beta\n')).toEqual(['Alpha']);
    expect(capsulesOf('### Capsule: Alpha\n\n**Why**\nBecause.\n\n**Invariant**\nIt holds.\n')).toEqual(['Alpha']);
  });

  it('keeps a heading of several words that opens no capsule inside the capsule above', () => {
    const text = '## Capsule: Alpha\n\n**Invariant**\nIt holds.\n\n### Capsule: of several words\n\nProse under it.\n';
    const { model } = parseCapsuleDocument(text);
    expect(model.capsules.map((capsule) => capsule.name)).toEqual(['Alpha']);
    expect(model.capsules[0]!.position.end.line).toBe(8);
  });

  it('places a missing name right after the prefix', () => {
    const capsule = capsuleOf('## Capsule:\n');
    expect(capsule.name).toBe('');
    expect(capsule.namePosition.start).toEqual({ line: 1, column: 12, offset: 11 });
    expect(capsule.namePosition.end).toEqual(capsule.namePosition.start);
  });
});

describe('labels', () => {
  it('read a label broken over lines the same with any line ending', () => {
    const text = '### Capsule: Alpha\n\n**Invariant**\nIt holds.\n\n**Extra\nLabel:**\n- a\n';
    for (const ending of ['\n', '\r\n', '\r']) {
      const [capsule] = parseCapsuleDocument(text.replaceAll('\n', ending), 'a.md').model.capsules;
      expect(capsule!.extraParts.map((part) => part.label)).toEqual(['Extra Label']);
    }
  });
});

describe('where a capsule ends', () => {
  it('ends at a thematic break: the prose and table after it belong to the document, not to the Example', () => {
    const { model } = parseCapsuleDocument(
      [
        '### Capsule: Short',
        '',
        '**Example**',
        'First line.',
        'Second line.',
        '',
        '---',
        '',
        'Document prose after the break.',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '### Capsule: Next',
      ].join('\n'),
    );
    const [capsule] = model.capsules;
    expect(capsule!.example?.text).toBe('First line. Second line.');
    expect(capsule!.example?.nodes.map((node) => node.type)).toEqual(['paragraph']);
    expect(capsule!.position.end.line).toBe(5);
    expect(capsule!.stray).toEqual([]);
  });

  it('skips a thematic break right under the heading, before any label', () => {
    const capsule = capsuleOf('### Capsule: Ruled\n\n---\n\n**Invariant**\nIt holds.\n\n**Example**\nShown.\n');
    expect(capsule.parts.map((part) => [part.kind, part.text])).toEqual([
      ['invariant', 'It holds.'],
      ['example', 'Shown.'],
    ]);
    expect(capsule.preamble).toBeUndefined();
  });

  it('is not ended by a thematic break inside a list item, which is not at the top level', () => {
    const capsule = capsuleOf('### Capsule: Listed\n\n**Example**\n\n- one\n\n  ---\n\n- two\n\n**Depth**\n\n- Distinction: still here\n');
    expect(capsule.parts.map((part) => part.kind)).toEqual(['example', 'depth']);
    expect(capsule.depthItems.map((item) => item.value)).toEqual(['still here']);
  });

  it('leaves capsule mentions after the break outside the capsule', () => {
    const { model } = parseCapsuleDocument('### Capsule: Alpha\n\n**Invariant**\nIt holds.\n\n---\n\nSee `BetaRule` for more.\n');
    expect(model.mentions.map((mention) => [mention.name, mention.inCapsule])).toEqual([['BetaRule', undefined]]);
  });
});

describe('the invariant', () => {
  it('is the paragraph after a block label; a code block after it is stray, not invariant text', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Invariant**\nKeep one sentence.\n\n```sh\nrun --it\n```\n\n**Example**\nShown.\n');
    expect(capsule.invariant?.text).toBe('Keep one sentence.');
    expect(capsule.invariant?.contentPosition?.end.line).toBe(4);
    expect(capsule.stray.map(({ after, block, text, position }) => [after, block, text, position.start.line])).toEqual([
      ['invariant', 'code', 'run --it', 6],
    ]);
    expect(capsule.example?.text).toBe('Shown.');
  });

  it('is the rest of the label paragraph in the inline form; a table after it is stray', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Invariant**: Keep one sentence.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(capsule.invariant?.form).toBe('inline');
    expect(capsule.invariant?.text).toBe('Keep one sentence.');
    expect(capsule.stray.map(({ block, position }) => [block, position.start.line])).toEqual([['table', 5]]);
  });

  it('does not take a labelled line under its sentence into the sentence', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Invariant**: Keep one sentence.\n**Why**: short rules are remembered.\n');
    expect(capsule.invariant?.text).toBe('Keep one sentence.');
    expect(capsule.extraParts.map(({ label, form, text }) => [label, form, text])).toEqual([['Why', 'inline', 'short rules are remembered.']]);
  });

  it('keeps bold words that are not labels in the sentence', () => {
    const capsule = capsuleOf('### Capsule: Alpha\n\n**Invariant**\n**Never** edit code\n**you** have not read.\n');
    expect(capsule.invariant?.text).toBe('Never edit code you have not read.');
    expect(capsule.extraParts).toEqual([]);
  });
});

describe('extra parts', () => {
  const text = [
    '### Capsule: Annotated',
    '',
    '**Invariant**',
    'Annotate every public route.',
    '',
    '**Why**',
    'Readers find routes by their annotations.',
    '',
    '**Example**',
    'Add `@route` above the handler.',
    '',
    '**Annotations Requirements**',
    '',
    '- a path',
    '- a method',
    '',
    '**Depth**',
    '',
    '- Distinction: an annotation is not a comment',
    '',
    '**Notes**',
    '',
    'Written after the Depth.',
  ].join('\n');
  const capsule = capsuleOf(text);

  it('are kept with their label, content and places, after the Invariant, the Example and the Depth', () => {
    expect(capsule.extraParts.map(({ label, form, text: content, labelPosition, contentPosition }) => [
      label,
      form,
      content,
      labelPosition.start.line,
      contentPosition?.start.line,
    ])).toEqual([
      ['Why', 'block', 'Readers find routes by their annotations.', 6, 7],
      ['Annotations Requirements', 'block', 'a path\na method', 12, 14],
      ['Notes', 'block', 'Written after the Depth.', 21, 23],
    ]);
    expect(capsule.extraParts[1]!.nodes.map((node) => node.type)).toEqual(['list']);
  });

  it('are never merged into the invariant, the example or the depth', () => {
    expect(capsule.invariant?.text).toBe('Annotate every public route.');
    expect(capsule.example?.text).toBe('Add @route above the handler.');
    expect(capsule.depth?.text).toBe('Distinction: an annotation is not a comment');
    expect(capsule.depthItems.map((item) => item.value)).toEqual(['an annotation is not a comment']);
  });

  it('place a boundary line written in one as outside the three parts', () => {
    const boundaryInExtra = capsuleOf('### Capsule: Alpha\n\n**Example**\nShown.\n\n**Notes**\nA note.\n//BOUNDARY: misplaced\n');
    expect(boundaryInExtra.boundaries.map((boundary) => boundary.part)).toEqual(['extra']);
  });

  it('leave Good and Bad lines, inline or as labels over code, in the Example', () => {
    const example = capsuleOf(
      '### Capsule: Alpha\n\n**Example**\n**Good**: short.\n**Bad**: long.\n\n**Bad**\n\n```\nlong\n```\n\n**Depth**\n\n- Focus: x\n',
    );
    expect(example.extraParts).toEqual([]);
    expect(example.example?.text).toBe('Good: short. Bad: long.\n\nBad\n\nlong');
    expect(example.example?.subLabels.map((sub) => sub.label)).toEqual(['Bad']);
  });
});

describe('Depth sub-labels', () => {
  it('group bullets under bold labels: the Depth holds every item, each with its group', () => {
    const capsule = capsuleOf(
      '### Capsule: Grouped\n\n**Depth**\n\n**Trade-offs**\n\n- slower\n- safer\n\n**Distinctions**:\n- Distinction: not a plan\n',
    );
    expect(capsule.extraParts).toEqual([]);
    expect(capsule.depth?.subLabels.map((sub) => [sub.label, sub.position.start.line])).toEqual([
      ['Trade-offs', 5],
      ['Distinctions', 10],
    ]);
    expect(capsule.depthItems.map((item) => [item.group, item.key, item.value])).toEqual([
      ['Trade-offs', undefined, 'slower'],
      ['Trade-offs', undefined, 'safer'],
      ['Distinctions', 'Distinction', 'not a plan'],
    ]);
  });

  it('read bold keys on the bullets as keys', () => {
    const capsule = capsuleOf('### Capsule: Keyed\n\n**Depth**\n\n- **Distinction**: not a plan\n- **Trade-off:** slower\n');
    expect(capsule.depthItems.map((item) => [item.key, item.value])).toEqual([
      ['Distinction', 'not a plan'],
      ['Trade-off', 'slower'],
    ]);
  });
});

describe('sample capsules in a writing guide', () => {
  it('marks the capsules under a section of example or sample capsules, and only those', () => {
    const text = [
      '# Writing capsules',
      '',
      '## Capsule: CapsuleForm',
      '',
      '**Invariant**',
      'A capsule states one idea.',
      '',
      '## Example Capsules (as models)',
      '',
      '### Capsule: RetryBudget',
      '',
      '**Invariant**',
      'Retries spend from a budget.',
      '',
      '## Capsule examples',
      '',
      '#### Capsule: IdempotencyKey',
      '',
      '## Examples of writing',
      '',
      '### Capsule: PlainExample',
      '',
      '# Capsule samples elsewhere',
      '',
      '## Capsule: TopLevelUnderSamples',
      '',
    ].join('\n');
    const capsules = parseCapsuleDocument(text).model.capsules;
    expect(capsules.map((capsule) => [capsule.name, capsule.sample ?? false])).toEqual([
      ['CapsuleForm', false],
      ['RetryBudget', true],
      ['IdempotencyKey', true],
      ['PlainExample', false],
      ['TopLevelUnderSamples', true],
    ]);
  });
});
