// An analyzer for the parse pool's tests: counts the documents it has seen in the shared
// memory its settings carry (slot 0), so the test's thread can see how far a worker has gone,
// and holds the first document until the test's thread sets slot 1.
export function analyze(_document, settings) {
  const shared = new Int32Array(settings.shared);
  const seen = Atomics.add(shared, 0, 1) + 1;
  Atomics.notify(shared, 0);
  if (seen === 1) while (Atomics.load(shared, 1) === 0) Atomics.wait(shared, 1, 0, 50);
  return null;
}
