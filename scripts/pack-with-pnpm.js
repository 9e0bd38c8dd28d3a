#!/usr/bin/env node
// The `prepack` of the published packages. A package's manifest names its workspace siblings
// as `workspace:*`, which `pnpm pack` and `pnpm publish` replace with their versions in the
// tarball; npm packs the manifest as it is, and no npm install can read that. So npm is
// refused, with the command that works.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const fromWorkspace = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies })
  .filter(([, version]) => String(version).startsWith('workspace:'))
  .map(([name]) => name);
if (fromWorkspace.length > 0 && !(process.env.npm_config_user_agent ?? '').startsWith('pnpm/')) {
  console.error(
    `${manifest.name}: pack it with \`pnpm pack\` (or publish it with \`pnpm publish\`), not npm: it depends on ` +
      `${fromWorkspace.map((name) => `\`${name}\``).join(', ')} as \`workspace:*\`, which pnpm writes as their versions ` +
      'in the tarball and npm leaves in, so no npm install could read it',
  );
  process.exit(1);
}
