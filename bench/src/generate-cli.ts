/** `node bench/dist/generate-cli.js --docs N --seed S [--flavour plain|varied] --out FOLDER`: write a benchmark corpus. */
import { parseArgs } from 'node:util';
import { flavours, writeCorpus, type Flavour } from './generate.js';

const usage = `usage: generate-cli --docs N --seed S [--flavour ${flavours.join('|')}] --out FOLDER\n`;
let values;
try {
  ({ values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      flavour: { type: 'string', default: 'plain' },
      out: { type: 'string' },
    },
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const docs = Number(values.docs);
if (!values.out || !flavours.includes(values.flavour as Flavour) || !Number.isSafeInteger(docs) || docs < 1) {
  process.stderr.write(usage);
  process.exit(2);
}
writeCorpus(values.out, { docs, seed: Number(values.seed), flavour: values.flavour as Flavour });
