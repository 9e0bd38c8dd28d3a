/**
 * A watch on the disk for a reader that keeps a corpus up to date (the language server, for
 * clients that offer none, and the MCP server): one non-recursive watch per folder that holds
 * a file of the corpus listing (and each folder above it), so ignored trees such as
 * `node_modules` and `.git` are never walked or watched. Node's recursive watch on Linux walks
 * and watches every file under the root first, which takes seconds in a repository with
 * dependencies, and stops for good at a link that loops (`a.md` leading to itself). A folder
 * created later is reported as a change of its parent; the reader then reads the corpus again
 * and `sync` watches what the listing holds.
 */
import { watch, type FSWatcher } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  /** `onChange` gets a path relative to the root, with `/` between its parts. */
  constructor(
    private readonly root: string,
    private readonly onChange: (path: string) => void,
  ) {}

  /** Watch the folders of these files (paths relative to the root) and the root, and stop watching the others. */
  sync(files: Iterable<string>): void {
    const wanted = foldersOf(files);
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of wanted) if (!this.watchers.has(folder)) this.add(folder);
  }

  /** Whether this folder (an absolute path) is watched now. */
  watches(folder: string): boolean {
    const inside = relative(this.root, folder);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return false;
    return this.watchers.has(inside.split(sep).join('/'));
  }

  /** The folders watched now, relative to the root (`''` for the root). */
  get folders(): string[] {
    return [...this.watchers.keys()].sort();
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private add(folder: string): void {
    try {
      const watcher = watch(join(this.root, folder), (_event, name) => {
        if (typeof name === 'string' && name !== '') this.onChange(folder === '' ? name : `${folder}/${name}`);
      });
      // A folder removed (or no longer readable) ends its watch; the reload its change causes syncs again.
      watcher.on('error', () => {
        watcher.close();
        if (this.watchers.get(folder) === watcher) this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    } catch {
      // Gone before it could be watched: the listing that named it is already out of date.
    }
  }
}

/** Every folder holding one of the files, every folder above those, and the root (`''`). */
function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>(['']);
  for (const file of files) {
    for (let folder = posix.dirname(file); folder !== '.' && !folders.has(folder); folder = posix.dirname(folder)) folders.add(folder);
  }
  return folders;
}
