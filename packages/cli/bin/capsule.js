#!/usr/bin/env node
// The installed entry point: a plain file so the bin link exists before the first build.
import { main } from '../dist/main.js';

// A reader that stops early (`capsule graph | head`) closes the pipe: that ends the
// output, it is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
