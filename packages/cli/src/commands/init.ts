/**
 * `capsule init`: look at the repository in the working folder, report where its capsule
 * documents are and which frontmatter convention they follow, and write a
 * `capsule.config.json` that reads exactly those. An existing configuration is never
 * replaced.
 */
import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { configFileNames } from '@capsule-docs/graph';
import { surveyRepository, type Convention, type Survey } from '../init/survey.js';
import { UnmetRequestError, UsageError, type Io } from '../io.js';
import { plural } from '../plural.js';

const configName = 'capsule.config.json';
/** Where an install keeps the configuration schema, for when this command runs from elsewhere. */
const installedConfigSchema = './node_modules/@capsule-docs/cli/schemas/config.schema.json';

const conventionNames: Record<Convention, string> = {
  capsule: 'capsule frontmatter',
  skill: 'agent skill (SKILL.md)',
  none: 'no frontmatter convention',
};

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('find the capsule documents of this repository and write a capsule.config.json for them')
    .option('--dry-run', 'print the configuration to standard output instead of writing it')
    .action(async (options: { dryRun?: boolean }) => {
      // A link to nothing stands there too, and writing would go through it.
      const existing = configFileNames.find((name) => lstatSync(join(io.cwd, name), { throwIfNoEntry: false }) !== undefined);
      if (existing && !options.dryRun) {
        throw new UsageError(`${existing} exists already; capsule init never replaces a configuration`, 'Edit it, or remove it and run capsule init again.');
      }
      const survey = await surveyRepository(io.cwd);
      if (survey.documents.length === 0) {
        throw new UnmetRequestError(
          'No capsule documents here: no Markdown file holds a `### Capsule:` heading',
          'Nothing was written. `capsule check` needs no configuration: it checks the links, anchors and frontmatter of every Markdown file here.',
        );
      }
      const text = `${JSON.stringify(configOf(survey, io.cwd), null, 2)}\n`;
      const report = options.dryRun ? io.stderr : io.stdout;
      report(surveyReport(survey));
      if (options.dryRun) {
        io.stdout(text);
        return;
      }
      try {
        // `wx`: a configuration that appeared meanwhile is still never replaced.
        writeFileSync(join(io.cwd, configName), text, { flag: 'wx' });
      } catch (error) {
        throw new UsageError(`Cannot write ${configName}: ${(error as Error).message}`);
      }
      report(`Wrote ${configName}; run \`capsule check\` to check these documents.\n`);
      // The schema is where an install in this repository puts it: until then an editor finds nothing there.
      const schema = configOf(survey, io.cwd)['$schema'] as string;
      if (!existsSync(join(io.cwd, schema))) {
        report(`Its $schema, ${schema}, is there once the repository installs the command (npm install --save-dev @capsule-docs/cli); editors then check the file as you type.\n`);
      }
    });
}

/** The configuration: `$schema`, `include`, and the shipped schema each convention follows, by name. */
function configOf(survey: Survey, folder: string): Record<string, unknown> {
  const frontmatterSchemas = Object.fromEntries(survey.schemas.map((mapping) => [mapping.glob, mapping.convention]));
  return {
    $schema: pathFrom(folder, fileURLToPath(new URL('../../schemas/config.schema.json', import.meta.url))) ?? installedConfigSchema,
    include: survey.include,
    ...(survey.schemas.length > 0 ? { frontmatterSchemas } : {}),
  };
}

/** `./path` of `file` from `folder`, or undefined when it lies outside (a path that would not travel with the repository). */
function pathFrom(folder: string, file: string): string | undefined {
  const path = relative(folder, file);
  if (path === '' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) return undefined;
  return `./${path.split(sep).join('/')}`;
}

/** What was found, folder by folder, for people. */
function surveyReport(survey: Survey): string {
  const capsules = survey.documents.reduce((sum, document) => sum + document.capsules, 0);
  const lines = [`Found ${plural(capsules, 'capsule')} in ${plural(survey.documents.length, 'document')}:`];
  const byFolder = new Map<string, Survey['documents']>();
  for (const document of survey.documents) {
    const folder = document.path.includes('/') ? `${document.path.slice(0, document.path.lastIndexOf('/'))}/` : document.path;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), document]);
  }
  for (const [folder, documents] of byFolder) {
    const conventions = [...new Set(documents.map((document) => document.convention))].map((convention) => conventionNames[convention]);
    const count = documents.reduce((sum, document) => sum + document.capsules, 0);
    lines.push(`  ${folder}  ${plural(documents.length, 'document')}, ${plural(count, 'capsule')}, ${conventions.join(' and ')}`);
  }
  lines.push(`include: ${survey.include.join(', ')}`);
  for (const mapping of survey.schemas) lines.push(`frontmatter schema: ${conventionNames[mapping.convention]} for ${mapping.glob}`);
  return `${lines.join('\n')}\n`;
}

