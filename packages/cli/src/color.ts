/**
 * Whether to write ANSI colours: on a terminal unless NO_COLOR is set (to anything but
 * the empty string); FORCE_COLOR forces them on anywhere, and FORCE_COLOR=0 forces them off.
 */
export function colorEnabled(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY;
}
