/**
 * Watching the team configuration files. With a client that supports dynamic registration of
 * `workspace/didChangeWatchedFiles`, the client watches `**∕.policy-brief/**`, Markdown files
 * (for the archive) and every configured path; otherwise the server watches the folders of `ConfigStore.watchPaths()`
 * (the files configurations depend on, and where a team folder for an open document could appear)
 * with `fs.watch` (coalescing bursts of events for `WATCH_COALESCE_MS`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver/node';

/** Events closer than this are handled together (milliseconds). */
export const WATCH_COALESCE_MS = 50;

/** Server-side watcher of configuration files (for clients that cannot watch). */
export class ServerWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  /** @param onChange called with the absolute paths that changed */
  constructor(private readonly onChange: (paths: string[]) => void, private readonly log: (line: string) => void) {}

  /** Watches the folders holding `files` (existing ancestors for files not yet created). */
  update(files: readonly string[]): void {
    const folders = new Set<string>();
    for (const file of files) {
      let dir = path.dirname(file);
      while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
      folders.add(dir);
    }
    for (const [dir, watcher] of this.watchers) {
      if (!folders.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of folders) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => this.queue(name ? path.join(dir, name.toString()) : dir));
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch (error) {
        this.log(`Cannot watch ${dir}: ${(error as Error).message}`);
      }
    }
  }

  private queue(file: string): void {
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const paths = [...this.pending];
      this.pending = new Set();
      this.onChange(paths);
    }, WATCH_COALESCE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

/**
 * Asks the client to watch the team folders and `extraPaths` (absolute paths from settings).
 * @returns the registration, to dispose before registering a new set
 */
export async function registerClientWatchers(connection: Connection, extraPaths: readonly string[]): Promise<Disposable> {
  // Markdown files too: the archive follows briefs edited, added, renamed or deleted outside the editor.
  const watchers = [{ globPattern: '**/.policy-brief/**' }, { globPattern: '**/*.{md,markdown}' }, ...extraPaths.map((p) => ({ globPattern: p.split(path.sep).join('/') }))];
  return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}
