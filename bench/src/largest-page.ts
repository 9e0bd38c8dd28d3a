/** The largest page of a built site: no page's HTML should grow with the corpus. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PageSize {
  /** The HTML file's path inside the site folder. */
  path: string;
  bytes: number;
}

/** The largest `.html` file under `site` (an empty path and 0 bytes when there is none). */
export function largestPage(site: string): PageSize {
  let largest: PageSize = { path: '', bytes: 0 };
  for (const entry of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.html')) continue;
    const bytes = statSync(join(site, entry)).size;
    if (bytes > largest.bytes) largest = { path: entry.split('\\').join('/'), bytes };
  }
  return largest;
}
