/** `capsule rename`: a capsule and every reference to it, across documents, all or nothing. */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsule, documentWith, project, read } from './helpers.js';

function corpus(): string {
  return project({
    'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }], {
      prose: 'Start with `RiskReview`; a RiskReviewer is a person, and RiskReview in plain prose is just a word.',
    }),
    'ideas.md': documentWith('Ideas', [{ name: 'IdeaCapture', seeAlso: ['`RiskReview`', 'ReleaseTrain.'] }]),
    'guides/release.md': documentWith('Release', [{ name: 'ReleaseTrain', seeAlso: ['RiskReview (in ../risks.md)', 'IdeaCapture'] }], {
      prose: 'Before a release, read [the review](../risks.md#capsule-riskreview).',
      checklist: ['Train scheduled (ReleaseTrain)', 'Risks reviewed before the release (RiskReview)'],
    }),
  });
}

function snapshot(folder: string): Record<string, string> {
  return { risks: read(folder, 'risks.md'), ideas: read(folder, 'ideas.md'), release: read(folder, 'guides/release.md') };
}

describe('rename', () => {
  it('renames the heading and every reference across three documents', () => {
    const folder = corpus();
    expect(capsule(['check'], folder).status).toBe(0);
    const result = capsule(['rename', 'RiskReview', 'RiskAssessment'], folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^guides\/release\.md:\d+:\d+ {2}link anchor$/),
      expect.stringMatching(/^guides\/release\.md:\d+:\d+ {2}SeeAlso$/),
      expect.stringMatching(/^guides\/release\.md:\d+:\d+ {2}checklist citation$/),
      expect.stringMatching(/^ideas\.md:\d+:\d+ {2}SeeAlso$/),
      expect.stringMatching(/^risks\.md:\d+:\d+ {2}mention$/),
      expect.stringMatching(/^risks\.md:\d+:\d+ {2}heading$/),
      expect.stringMatching(/^risks\.md:\d+:\d+ {2}checklist citation$/),
      'Renamed `RiskReview` to `RiskAssessment`: 7 changes in 3 files',
      '',
    ]);

    const { risks, ideas, release } = snapshot(folder);
    expect(risks).toContain('### Capsule: RiskAssessment\n');
    expect(risks).toContain('Start with `RiskAssessment`; a RiskReviewer is a person, and RiskReview in plain prose is just a word.');
    expect(risks).toContain('- [ ] Applied the rule (RiskAssessment)');
    expect(ideas).toContain('- SeeAlso: `RiskAssessment`, ReleaseTrain.');
    expect(release).toContain('- SeeAlso: RiskAssessment (in ../risks.md), IdeaCapture');
    expect(release).toContain('(../risks.md#capsule-riskassessment)');
    expect(release).toContain('- [ ] Risks reviewed before the release (RiskAssessment)');
    expect(capsule(['check'], folder)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('renames the name in every SeeAlso form, keeping locations, notes and backticks', () => {
    const folder = project({
      'risks.md': documentWith('Risks', [{ name: 'RiskReview', seeAlso: ['IdeaCapture'] }]),
      'ideas.md': documentWith(
        'Ideas',
        [{ name: 'IdeaCapture', seeAlso: ['`RiskReview` in risks.md', 'RiskReview — the review that follows; ReleaseTrain'] }],
        { prose: '**See Also**:\n\n- RiskReview (where a RiskReview happens), `RiskReview` (in `risks.md`)' },
      ),
      'release.md': documentWith('Release', [{ name: 'ReleaseTrain', seeAlso: ['[RiskReview](risks.md#capsule-riskreview) / IdeaCapture'] }]),
    });
    expect(capsule(['check'], folder).status).toBe(0);
    const result = capsule(['rename', 'RiskReview', 'RiskAssessment'], folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const ideas = read(folder, 'ideas.md');
    expect(ideas).toContain('- SeeAlso: `RiskAssessment` in risks.md, RiskAssessment — the review that follows; ReleaseTrain');
    // The note's own words are prose: only the name is renamed.
    expect(ideas).toContain('- RiskAssessment (where a RiskReview happens), `RiskAssessment` (in `risks.md`)');
    expect(read(folder, 'release.md')).toContain('- SeeAlso: [RiskAssessment](risks.md#capsule-riskassessment) / IdeaCapture');
    expect(capsule(['check'], folder)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('renames in a UTF-16 document, which stays UTF-16', () => {
    const folder = corpus();
    const text = documentWith('Notes', [{ name: 'NoteTaking', seeAlso: ['RiskReview'] }]);
    writeFileSync(join(folder, 'notes.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = capsule(['rename', 'RiskReview', 'RiskAssessment'], folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const notes = readFileSync(join(folder, 'notes.md'));
    expect([...notes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(notes.subarray(2).toString('utf16le')).toBe(text.replace('RiskReview', 'RiskAssessment'));
  });

  it('--dry-run prints the same changes and writes nothing', () => {
    const folder = corpus();
    const before = snapshot(folder);
    const result = capsule(['rename', 'RiskReview', 'RiskAssessment', '--dry-run'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Would rename `RiskReview` to `RiskAssessment`: 7 changes in 3 files (dry run: nothing written)');
    expect(snapshot(folder)).toEqual(before);
  });

  it('works on the corpus named by --root', () => {
    const folder = corpus();
    const result = capsule(['rename', 'IdeaCapture', 'IdeaIntake', '--root', folder], join(folder, '..'));
    expect(result.status).toBe(0);
    expect(read(folder, 'ideas.md')).toContain('### Capsule: IdeaIntake');
    expect(read(folder, 'risks.md')).toContain('- SeeAlso: IdeaIntake');
  });

  it('refuses a missing old name, a taken new name and an invalid new name, changing nothing', () => {
    const folder = corpus();
    const before = snapshot(folder);
    const cases: [string[], string][] = [
      [['RiskRevue', 'RiskAssessment'], 'No capsule is named `RiskRevue`; did you mean `RiskReview`?'],
      [['RiskReview', 'IdeaCapture'], '`IdeaCapture` already exists (ideas.md:'],
      [['RiskReview', 'risk-assessment'], '`risk-assessment` is not a valid capsule name'],
      [['RiskReview', 'Risk'], '`Risk` is not a valid capsule name'],
    ];
    for (const [args, message] of cases) {
      const result = capsule(['rename', ...args], folder);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(snapshot(folder)).toEqual(before);
  });

  it('renames nothing when one file cannot be written', () => {
    const folder = corpus();
    const before = snapshot(folder);
    chmodSync(join(folder, 'risks.md'), 0o444);
    const result = capsule(['rename', 'RiskReview', 'RiskAssessment'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cannot write risks.md: it is read-only');
    expect(result.stderr).toContain('Nothing was renamed.');
    // No list of changes that reads as made.
    expect(result.stdout).toBe('');
    expect(snapshot(folder)).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(['guides', 'ideas.md', 'risks.md']);
    expect(readdirSync(join(folder, 'guides'))).toEqual(['release.md']);
  });
});
