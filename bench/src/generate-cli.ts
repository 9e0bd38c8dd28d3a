/** `node bench/dist/generate-cli.js --docs N --seed S --out FOLDER`: write a benchmark corpus. */
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate.js';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
});
if (!values.out) {
  process.stderr.write('usage: generate-cli --docs N --seed S --out FOLDER\n');
  process.exit(2);
}
writeCorpus(values.out, { docs: Number(values.docs), seed: Number(values.seed) });
