export { main } from './main.js';
export { exitCodes, processIo, UsageError, type Io } from './io.js';
export { corpusFromPaths } from './corpus-args.js';
