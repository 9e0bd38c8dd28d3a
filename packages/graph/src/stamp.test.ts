import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStamp } from './stamp.js';

function writeJson(path: string, data: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(data));
}

describe('buildStamp', () => {
  it('changes with the version of a dependency installed beside the package, or above it', () => {
    const root = mkdtempSync(join(tmpdir(), 'capsule-stamp-'));
    const manifest = join(root, 'packages/tool/package.json');
    writeJson(manifest, { name: 'tool', version: '1.0.0', dependencies: { parser: '^2.0.0', missing: '^1.0.0' } });
    writeJson(join(root, 'node_modules/parser/package.json'), { name: 'parser', version: '2.0.0' });
    const before = buildStamp(pathToFileURL(manifest));
    expect(before).toBe('tool@1.0.0 (missing@^1.0.0 parser@2.0.0)');

    // A nearer install wins, as Node would load it.
    writeJson(join(root, 'packages/tool/node_modules/parser/package.json'), { name: 'parser', version: '2.1.0' });
    expect(buildStamp(pathToFileURL(manifest))).toBe('tool@1.0.0 (missing@^1.0.0 parser@2.1.0)');
  });
});
