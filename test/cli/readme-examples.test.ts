/**
 * The README's commands that write machine output (JSON, SARIF, Graphviz) are run as they
 * are written, through pnpm, and what they print must parse: a banner or a progress line on
 * standard output would break every file or pipe a reader sends it to.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './helpers.js';

const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
const shellBlocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
const machineFormat = /--format (json|sarif|dot|mermaid)\b/;

/** Each example command without its comment and without the redirection that names a file. */
const examples = shellBlocks
  .flatMap((block) => block.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => /^(pnpm|npx|node_modules\/\.bin\/)\S* .*capsule /.test(line) && machineFormat.test(line) && !line.includes('--out'))
  .map((line) => line.replace(/\s*>\s*\S+$/, ''));

function parses(format: string, output: string): void {
  if (format === 'json' || format === 'sarif') expect(() => JSON.parse(output)).not.toThrow();
  else if (format === 'dot') expect(output).toMatch(/^digraph /);
  else expect(output).toMatch(/^(graph|flowchart) /);
}

describe('README examples that write machine output', () => {
  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('%s prints only its output', (command) => {
    const result = spawnSync(command, { cwd: repositoryRoot, shell: true, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(result.stderr).not.toMatch(/internal error/);
    parses(machineFormat.exec(command)![1]!, result.stdout);
  });
});
