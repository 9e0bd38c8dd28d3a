/**
 * Ask V8 for a full collection where a build has just let go of much (the graph once the pages
 * are made, the bundler's work once the server code is built). V8 sizes the heap from what was
 * live at its last full collection; without one then, it lets the heap grow to twice what the
 * dead work took before collecting, and a build of 10,000 documents peaked there. What a load
 * on parse workers made stays reachable until the event loop has turned after their last
 * message, hence the wait. The site's build script runs Node with `--expose-gc` for this;
 * without it (`astro build` run directly) nothing is asked.
 */
export async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}
