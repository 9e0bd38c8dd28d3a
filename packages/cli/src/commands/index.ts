/** Every subcommand, registered in the order `capsule --help` lists them. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerCheck } from './check.js';
import { registerExport } from './export.js';
import { registerGraph } from './graph.js';
import { registerInit } from './init.js';
import { registerLsp } from './lsp.js';
import { registerMcp } from './mcp.js';
import { registerMove } from './move.js';
import { registerRename } from './rename.js';

export const commands: ((program: Command, io: Io) => void)[] = [registerCheck, registerExport, registerGraph, registerInit, registerLsp, registerMcp, registerMove, registerRename];
