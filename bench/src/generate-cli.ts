/** `node bench/dist/generate-cli.js --docs N --seed S [--flavour plain|varied] --out FOLDER`: write a benchmark corpus. */
import { parseArgs } from 'node:util';
import { flavours, writeCorpus, type Flavour } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    flavour: { type: 'string', default: 'plain' },
    out: { type: 'string' },
  },
});
if (!values.out || !flavours.includes(values.flavour as Flavour)) {
  process.stderr.write(`usage: generate-cli --docs N --seed S [--flavour ${flavours.join('|')}] --out FOLDER\n`);
  process.exit(2);
}
writeCorpus(values.out, { docs: Number(values.docs), seed: Number(values.seed), flavour: values.flavour as Flavour });
