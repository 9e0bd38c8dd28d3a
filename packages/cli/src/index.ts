export { main } from './main.js';
export { exitCodes, processIo, UnmetRequestError, UsageError, type Io } from './io.js';
export { chooseCorpus, selectDocuments, type CorpusChoice, type SelectionOptions } from './corpus-args.js';
