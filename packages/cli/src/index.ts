export { main } from './main.js';
export { exitCodes, processIo, UnmetRequestError, UsageError, type Io } from './io.js';
export { selectDocuments, type SelectionOptions } from './corpus-args.js';
