/**
 * Slash commands an agent runs, written where a path could be: `/uipath:uipath-rpa` (a
 * plugin's command, `/<plugin>:<command>`) or `/plan` (a project's command or skill). They
 * name no file, though a file defines them.
 */
import type { RuleContext } from '../types.js';

/** `/<plugin>:<command>`: a plugin's command or skill as an agent invokes it. */
export function isPluginCommand(target: string): boolean {
  return /^\/[a-z0-9][\w.-]*:[a-z0-9][\w-]*$/i.test(target);
}

/**
 * A command as an agent invokes it: a plugin's, or `/name` where the repository defines a
 * command or skill of that name (`commands/name.md`, `skills/name/SKILL.md`); a bare `/name`
 * with neither may still be a path.
 */
export function isAgentCommand(context: RuleContext, target: string): boolean {
  if (isPluginCommand(target)) return true;
  const name = /^\/([a-z0-9][\w-]*)$/i.exec(target)?.[1];
  if (name === undefined) return false;
  const defined = context.memo('agent-command-names', () => {
    const names = new Set<string>();
    for (const path of context.graph.files) {
      // A tool's own folder of them counts too: `opencode-skills/mem0-forget/SKILL.md`.
      const command = /(?:^|\/)(?:[\w.]+-)?commands\/([^/]+)\.md$/i.exec(path) ?? /(?:^|\/)(?:[\w.]+-)?skills\/([^/]+)\/SKILL\.md$/.exec(path);
      if (command) names.add(command[1]!.toLowerCase());
    }
    return names;
  });
  return defined.has(name.toLowerCase());
}

