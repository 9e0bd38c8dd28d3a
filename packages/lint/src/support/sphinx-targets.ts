/** Targets of a MyST project that Sphinx makes rather than a page sets. */

/**
 * A name Sphinx makes a target of in a MyST project, which no page sets: an API's object
 * (`Spawner`, `Spawner.start`, `JupyterHub.db_url`, from the autodoc of its code) or one of its
 * own pages (`genindex`, `search`). A dotted name ending in a file's extension is a file's.
 */
export function isSphinxTarget(target: string): boolean {
  const name = target.replace(/^#/, '');
  if (/^(?:genindex|modindex|py-modindex|search)$/.test(name)) return true;
  // A class: `Spawner`, `LocalProcessSpawner`.
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(name)) return true;
  return /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(name) && !fileExtension.test(name);
}

const fileExtension = /\.(?:md|mdx|markdown|rst|txt|html?|ipynb|py|js|ts|json|ya?ml|toml|cfg|ini|sh|css|png|jpe?g|gif|svg|pdf|csv)$/i;
