/**
 * A link from elsewhere names a heading of a document by its slug (`/guide/#rollback`, as
 * `llms-full` and the context bundles write them, and as people copy them from the files), but
 * on the page the heading's id carries the prefix sanitizing gave it (`user-content-rollback`,
 * see `lib/render.ts`). Such an address is followed to the heading, as GitHub follows its own.
 */
import { clobberPrefix } from '../lib/content-ids.js';

export function followPlainAnchors(): void {
  const follow = () => {
    const anchor = decodedAnchor(window.location.hash);
    if (anchor === undefined || document.getElementById(anchor)) return;
    document.getElementById(`${clobberPrefix}${anchor}`)?.scrollIntoView();
  };
  follow();
  window.addEventListener('hashchange', follow);
}

/** The anchor of `#…`, decoded; undefined when there is none or it is not valid percent-encoding. */
function decodedAnchor(hash: string): string | undefined {
  if (hash.length <= 1) return undefined;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
}
