/** Every subcommand, registered in the order `capsule --help` lists them. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerGraph } from './graph.js';

export const commands: ((program: Command, io: Io) => void)[] = [registerGraph];
