/**
 * The default, for people at a terminal: findings grouped under their file, one aligned
 * line each (`line:col  severity  message  rule-id`), then a one-line summary.
 */
import picocolors from 'picocolors';
import { plural } from '../plural.js';
import { countLevels, levelOf, spanOf, type Level, type Reporter } from './types.js';

const levelWords: Record<Level, string> = { error: 'error', warning: 'warning', info: 'info' };

export const stylish: Reporter = ({ files, color }) => {
  const paint = picocolors.createColors(color);
  const tint: Record<Level, (text: string) => string> = { error: paint.red, warning: paint.yellow, info: paint.blue };
  const blocks: string[] = [];

  for (const file of files) {
    if (file.messages.length === 0) continue;
    const rows = file.messages.map((message) => {
      const { line, column } = spanOf(message);
      const level = levelOf(message);
      return {
        level,
        line: String(line ?? 0),
        column: String(column ?? 0),
        word: levelWords[level],
        reason: oneLine(message.reason),
        rule: message.ruleId ?? '',
      };
    });
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const wordWidth = width((row) => row.word);
    const reasonWidth = width((row) => row.reason);
    // Line numbers align right and columns left, so the colons line up.
    const lines = rows.map((row) => {
      const cells = [
        paint.dim(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`),
        tint[row.level](row.word.padEnd(wordWidth)),
        row.reason.padEnd(reasonWidth),
        paint.dim(row.rule),
      ];
      return `  ${cells.join('  ')}`.trimEnd();
    });
    blocks.push(`${paint.underline(printable(file.displayPath))}\n${lines.join('\n')}`);
  }

  const counts = countLevels(files);
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';

  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info', 'infos'));
  const summaryTint = counts.error > 0 ? paint.red : counts.warning > 0 ? paint.yellow : paint.blue;
  let summary = summaryTint(paint.bold(`✖ ${plural(total, 'problem')} (${parts.join(', ')})`));
  const fixable = counts.fixable.error + counts.fixable.warning + counts.fixable.info;
  if (fixable > 0) {
    summary += `\n${summaryTint(paint.bold(`  ${plural(fixable, 'problem')} can be fixed with the \`--fix\` option.`))}`;
  }
  return `\n${blocks.join('\n\n')}\n\n${summary}\n`;
};

function oneLine(text: string): string {
  return printable(text.replace(/\s*\n\s*/g, ' '));
}

/**
 * Text shown on a terminal with its control characters written out (`\u001b`): a file's name
 * or a link's decoded target could otherwise move the cursor, recolour the screen, or start a
 * line that reads as a finding of its own.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
