/**
 * Titles cited in the workspace's briefs, for title completion. Scans each workspace folder's
 * Markdown files once (bounded: `MAX_FILES` files of at most `MAX_FILE_BYTES`, skipping
 * `node_modules`, `.git` and build folders), asynchronously and yielding between files, so it
 * never runs on the typing path. A saved brief is rescanned alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksLikeBrief, type CitedTitle, type IssueSchema, schemaLabels } from '../../core/src/index';

/** At most this many Markdown files are read per workspace folder. */
export const MAX_FILES = 2000;
/** Larger files are skipped (bytes). */
export const MAX_FILE_BYTES = 2_000_000;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.vscode-test']);
const HAN = /[\p{Script=Han}]/u;

/** Extracts the cited titles of one brief's text (line-based, cheap). */
export function citedTitlesOf(text: string, schema: IssueSchema, source: string): CitedTitle[] {
  const labels = schemaLabels(schema);
  const titles: CitedTitle[] = [];
  let current: CitedTitle | undefined;
  let offset = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = labels.fields.match(line, offset);
    offset += line.length + 1;
    if (!match) {
      if (!line.trim()) current = undefined;
      continue;
    }
    const fieldId = labels.fieldIdByLabel.get(match.name.text.trim().replace(/\s+/g, ' ').toLowerCase());
    const value = line.slice(match.whole.end - (offset - line.length - 1)).trim();
    if (fieldId === 'article') {
      current = { source, ...splitArticle(value) };
      if (current.english || current.chinese) titles.push(current);
    } else if (current && fieldId === 'issuing-bodies' && value) current.bodies = value;
    else if (current && fieldId === 'date' && value) current.date = value;
  }
  return titles;
}

/** `English (中文) ([Link](…))` → English and Chinese titles. */
function splitArticle(value: string): { english?: string; chinese?: string } {
  const withoutLink = value.replace(/\(?\[[^\]]*\]\([^)]*\)\)?/g, '').trim();
  let depth = 0;
  let open = -1;
  for (let i = 0; i < withoutLink.length; i++) {
    const ch = withoutLink[i];
    if (ch === '(' || ch === '（') {
      if (depth++ === 0) open = i;
    } else if ((ch === ')' || ch === '）') && depth > 0 && --depth === 0) {
      const inner = withoutLink.slice(open + 1, i);
      if (HAN.test(inner)) {
        const english = withoutLink.slice(0, open).trim();
        return { english: english || undefined, chinese: inner.trim() };
      }
    }
  }
  const han = withoutLink.search(HAN);
  if (han >= 0) return { english: withoutLink.slice(0, han).trim() || undefined, chinese: withoutLink.slice(han).trim() };
  return { english: withoutLink || undefined };
}

/** The cited titles of a set of folders, kept per file. */
export class WorkspaceTitles {
  private readonly byFile = new Map<string, CitedTitle[]>();
  private snapshot: CitedTitle[] = [];
  private dirty = false;
  private scanning?: Promise<void>;

  constructor(private readonly schemaFor: (file: string) => IssueSchema, private readonly log: (line: string) => void) {}

  /** All titles (the same array instance until something changes: completion caches its index on it). */
  get titles(): readonly CitedTitle[] {
    if (this.dirty) {
      this.snapshot = [...this.byFile.values()].flat();
      this.dirty = false;
    }
    return this.snapshot;
  }

  /** Scans `folders` (absolute paths) in the background; resolves when done. */
  scan(folders: readonly string[]): Promise<void> {
    const run = async () => {
      const started = Date.now();
      let files = 0;
      for (const folder of folders) files += await this.scanFolder(folder);
      this.log(`Scanned ${files} Markdown files for cited titles in ${Date.now() - started} ms (${this.titles.length} titles).`);
    };
    this.scanning = (this.scanning ?? Promise.resolve()).then(run, run);
    return this.scanning;
  }

  private async scanFolder(folder: string): Promise<number> {
    const queue = [folder];
    let count = 0;
    while (queue.length && count < MAX_FILES) {
      const dir = queue.shift()!;
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) queue.push(full);
        } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name) && count < MAX_FILES) {
          count++;
          await this.updateFile(full);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    return count;
  }

  /** Re-reads one file (after a save); `text` avoids reading it again. */
  async updateFile(file: string, text?: string): Promise<void> {
    try {
      if (text === undefined) {
        const stat = await fs.promises.stat(file);
        if (stat.size > MAX_FILE_BYTES) return;
        text = await fs.promises.readFile(file, 'utf8');
      }
      const schema = this.schemaFor(file);
      const titles = looksLikeBrief(text, schema.issue.topics.headingLevel) ? citedTitlesOf(text, schema, file) : [];
      if (titles.length || this.byFile.has(file)) {
        this.byFile.set(file, titles);
        this.dirty = true;
      }
    } catch {
      // Unreadable files are skipped.
    }
  }
}
