/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the changed line
 * (`::error file=…,line=…::message`), escaped as the runner expects.
 */
import { levelOf, pathBase, spanOf, type Level, type Reporter } from './types.js';

const commands: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Reporter = (input) => {
  const { pathOf } = pathBase(input);
  const lines: string[] = [];
  const { files } = input;
  for (const file of files) {
    for (const message of file.messages) {
      const { line, column, endLine, endColumn } = spanOf(message);
      const properties: [string, string | number | undefined][] = [
        ['file', pathOf(file)],
        ['line', line],
        ['col', column],
        ['endLine', endLine],
        ['endColumn', endColumn],
        ['title', message.ruleId ?? undefined],
      ];
      const written = properties
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
        .join(',');
      lines.push(`::${commands[levelOf(message)]} ${written}::${escapeData(message.reason)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

/** A command's message: `%`, carriage returns and line feeds are percent-encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also may not hold the `:` and `,` that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
