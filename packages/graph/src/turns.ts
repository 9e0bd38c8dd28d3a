/**
 * Synchronous work over many items that still lets the event loop turn: after every `every`
 * items it waits for the loop's next turn, so timers, I/O callbacks and requests to a server
 * run between runs of items instead of after all of them.
 */
export async function eachInTurns<T>(items: Iterable<T>, every: number, work: (item: T) => void | Promise<void>): Promise<void> {
  let count = 0;
  for (const item of items) {
    if (count > 0 && count % every === 0) await new Promise((turn) => setImmediate(turn));
    count++;
    await work(item);
  }
}
