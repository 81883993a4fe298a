/**
 * The language server's archive: one `ArchiveIndex` per team configuration (the briefs of a
 * workspace folder that share a `.policy-brief/` folder, or share having none), built by a
 * background discovery of each workspace folder with the one folder walker (`files/walk.ts`),
 * kept current from `workspace/didChangeWatchedFiles` and from open documents — the open text
 * wins over the disk. Discovery yields to the event loop between files and is cancelled when
 * the folders change, so it never holds up typing; files it cannot use (unreadable, over
 * `MAX_ARCHIVE_FILE_BYTES`, binary, not UTF-8, vanished meanwhile) are skipped and counted in the log.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  sectionLayout,
  ArchiveIndex, briefSections, checkArchive, indexBrief, parseBrief, LineIndex,
  type ArchiveCitation, type BriefModel, type CitedTitle, type Finding,
} from '../../core/src/index';
import { findMarkdownFiles } from '../files/walk';
import { readBriefFile } from '../archive/readBrief';
import type { ConfigEntry, ConfigStore } from '../config/configStore';
import { matchesAny } from './briefFiles';
import { ServerParseCache, type ParseWorker } from './parseWorker';
import type { PolicyBriefSettings } from '../protocol';

/** At most this many Markdown files are looked at per workspace folder. */
export const MAX_DISCOVERED_FILES = Number(process.env.POLICY_BRIEF_ARCHIVE_MAX_FILES) || 50_000;
/** While the user types (an edit less than this long ago), discovery waits this long before the next file (milliseconds). */
export const TYPING_BACKOFF_MS = 50;
/** Other open briefs are re-checked this long after the archive's content changed (milliseconds). */
export const ARCHIVE_REFRESH_MS = 300;

/** What a brief's archive entry depends on for other briefs' findings (not ranges). */
function signature(model: BriefModel): string {
  return JSON.stringify(model.topics.map((t) => [t.headline.text, t.citations.map((c) => [c.article?.value.text, c.issuingBodies?.value.text, c.date?.value.text, c.fields.length])]));
}

/** The archive of the server's workspace folders. */
export class ArchiveService {
  private readonly indexes = new Map<string, ArchiveIndex>();
  /** Brief id (file URI) → archive key and content signature. */
  private readonly briefs = new Map<string, { key: string; signature: string }>();
  /** Open documents (ids): their text is indexed, not the file on disk. */
  private readonly open = new Set<string>();
  private abort?: AbortController;
  private refreshTimer?: NodeJS.Timeout;
  private contentGenerationValue = 0;
  private titles?: { generation: number; editing: string; list: CitedTitle[] };
  /** When an open document last changed (`Date.now()`): discovery steps back while the user types. */
  private lastEdit = 0;
  /** Resolves when the current discovery is done (tests, benchmarks). */
  ready: Promise<void> = Promise.resolve();

  /**
   * @param configs the team configurations (one per team folder)
   * @param settingsFor the settings of a workspace folder (by URI)
   * @param onContentChanged called (debounced) when what other briefs' findings depend on changed
   * @param worker the parse worker: discovered files are parsed there (Markdown to mdast), so the
   *   main thread only builds the model and stays free for the open documents
   */
  constructor(
    private readonly configs: ConfigStore,
    private readonly settingsFor: (folderUri: string) => Promise<PolicyBriefSettings>,
    private readonly onContentChanged: () => void,
    private readonly log: (line: string) => void,
    private readonly worker?: ParseWorker,
  ) {}

  /** Increases when a brief's citations or headlines change (not when only positions move). */
  get contentGeneration(): number {
    return this.contentGenerationValue;
  }

  /** The id of a file in the archive: its `file:` URI. */
  static idOf(file: string): string {
    return pathToFileURL(file).href;
  }

  private entryFor(file: string, folder: string | undefined, settings?: PolicyBriefSettings): ConfigEntry {
    return this.configs.forDocument(file, folder, { schemaPath: settings?.schemaPath ?? undefined, issuingBodiesPath: settings?.issuingBodiesPath ?? undefined, policyTitlesPath: settings?.policyTitlesPath ?? undefined });
  }

  private static archiveKey(entry: ConfigEntry, folder: string | undefined): string {
    return entry.teamFolder ?? `no-team-folder:${folder ?? ''}:${entry.key}`;
  }

  /** Indexes one brief's model under `entry`'s archive; returns whether its content changed. */
  private put(id: string, model: BriefModel, lineIndex: LineIndex, entry: ConfigEntry, folder: string | undefined): boolean {
    const key = ArchiveService.archiveKey(entry, folder);
    const previous = this.briefs.get(id);
    if (previous && previous.key !== key) this.indexes.get(previous.key)?.remove(id);
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = new ArchiveIndex()));
    const { schema, catalogue } = entry.config;
    index.set(indexBrief(id, model, lineIndex, { dateFormat: schema.topic.citation.dateFormat, catalogue }));
    const sig = signature(model);
    this.briefs.set(id, { key, signature: sig });
    const changed = !previous || previous.key !== key || previous.signature !== sig;
    if (changed) this.contentChanged();
    return changed;
  }

  private drop(id: string): void {
    const previous = this.briefs.get(id);
    if (!previous) return;
    this.indexes.get(previous.key)?.remove(id);
    this.briefs.delete(id);
    this.contentChanged();
  }

  private contentChanged(): void {
    this.contentGenerationValue++;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.onContentChanged(), ARCHIVE_REFRESH_MS);
  }

  /** Starts (or restarts) the discovery of `folders` (absolute paths) in the background. */
  discover(folders: readonly string[]): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const run = async () => {
      for (const folder of folders) {
        if (abort.signal.aborted) return;
        try {
          await this.discoverFolder(folder, abort.signal);
        } catch (error) {
          if (!abort.signal.aborted) this.log(`Archive: discovery of ${folder} failed: ${(error as Error).message}`);
        }
      }
    };
    this.ready = this.ready.then(run, run);
    return this.ready;
  }

  private async discoverFolder(folder: string, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const settings = await this.settingsFor(pathToFileURL(folder).href);
    if (!settings.enable) return;
    let files = await findMarkdownFiles(folder, { signal });
    if (files.length > MAX_DISCOVERED_FILES) {
      this.log(`Archive: ${folder} holds ${files.length} Markdown files; only the first ${MAX_DISCOVERED_FILES} are looked at.`);
      files = files.slice(0, MAX_DISCOVERED_FILES);
    }
    const skipped = new Map<string, number>();
    let indexed = 0;
    for (const file of files) {
      if (signal.aborted) return;
      // Yield after every file, and step back while the user types: edits must not wait for the archive.
      await new Promise((resolve) => setImmediate(resolve));
      if (Date.now() - this.lastEdit < TYPING_BACKOFF_MS) await new Promise((resolve) => setTimeout(resolve, TYPING_BACKOFF_MS));
      if (signal.aborted) return;
      const id = ArchiveService.idOf(file);
      if (this.open.has(id)) continue;
      const result = await this.indexFile(file, folder, settings);
      if (result === 'indexed') indexed++;
      else skipped.set(result, (skipped.get(result) ?? 0) + 1);
    }
    const notes = [...skipped].filter(([reason]) => reason !== 'not-a-brief').map(([reason, n]) => `${n} ${reason}`);
    this.log(`Archive: indexed ${indexed} briefs of ${files.length} Markdown files in ${folder} in ${Date.now() - started} ms${skipped.get('not-a-brief') ? ` (${skipped.get('not-a-brief')} not briefs)` : ''}${notes.length ? `; skipped: ${notes.join(', ')}` : ''}.`);
  }

  /** Reads and indexes one file from disk (or drops it when it is gone or no longer a brief). */
  private async indexFile(file: string, folder: string | undefined, settings?: PolicyBriefSettings): Promise<'indexed' | string> {
    const id = ArchiveService.idOf(file);
    const entry = this.entryFor(file, folder, settings);
    const schema = entry.config.schema;
    const byGlob = !!settings?.briefFiles.length && matchesAny(path.relative(folder ?? path.dirname(file), file).split(path.sep).join('/'), settings.briefFiles);
    const read = await readBriefFile(file, schema.issue.topics.headingLevel, !byGlob);
    if (this.open.has(id)) return 'open';
    if (!('text' in read)) {
      this.drop(id);
      if (read.skipped !== 'not-a-brief') this.log(`Archive: skipped ${file} (${read.skipped}${read.detail ? `: ${read.detail}` : ''}).`);
      return read.skipped;
    }
    const cache = new ServerParseCache();
    if (this.worker) {
      const sections = briefSections(read.text, sectionLayout(schema), cache).map((section) => section.text);
      try {
        const roots = await this.worker.parse(sections);
        sections.forEach((section, i) => cache.add(section, roots[i]));
      } catch {
        // Parsed here instead.
      }
      if (this.open.has(id)) return 'open';
    }
    try {
      this.put(id, parseBrief(read.text, schema, cache), new LineIndex(read.text), entry, folder);
      return 'indexed';
    } catch (error) {
      this.log(`Archive: skipped ${file} (parse failed: ${(error as Error).message}).`);
      return 'failed';
    }
  }

  /**
   * Files changed on disk (`workspace/didChangeWatchedFiles`, or a save): re-read the Markdown
   * ones that are not open; deleted or renamed-away files leave the archive.
   */
  async filesChanged(files: readonly string[], folderOf: (file: string) => string | undefined): Promise<void> {
    for (const file of files) {
      if (!/\.(md|markdown)$/i.test(file)) continue;
      const id = ArchiveService.idOf(file);
      if (this.open.has(id)) continue;
      const folder = folderOf(file);
      if (!folder) continue;
      const settings = await this.settingsFor(pathToFileURL(folder).href);
      if (settings.enable) await this.indexFile(file, folder, settings);
    }
  }

  /** An open document changed: discovery steps back for a moment (see `TYPING_BACKOFF_MS`). */
  typing(): void {
    this.lastEdit = Date.now();
  }

  /** An open document's current model (the open text wins over the disk). */
  updateOpen(uri: string, model: BriefModel, lineIndex: LineIndex, entry: ConfigEntry, folder: string | undefined): void {
    this.open.add(uri);
    this.put(uri, model, lineIndex, entry, folder);
  }

  /** A document was closed: its file on disk is indexed again (or it leaves the archive). */
  closed(uri: string, file: string | undefined, folder: string | undefined): void {
    if (!this.open.delete(uri)) return;
    if (file && folder) void this.settingsFor(pathToFileURL(folder).href).then((s) => this.indexFile(file, folder, s));
    else this.drop(uri);
  }

  /** The archive a brief belongs to. */
  indexOf(id: string): ArchiveIndex | undefined {
    const known = this.briefs.get(id);
    return known ? this.indexes.get(known.key) : undefined;
  }

  /** Every archive. */
  all(): ArchiveIndex[] {
    return [...this.indexes.values()];
  }

  /** A workspace-relative name of a brief, for messages. */
  nameOf(id: string, folders: readonly string[]): string {
    const file = id.startsWith('file:') ? decodeURIComponent(new URL(id).pathname) : id;
    const folder = folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
    return folder ? path.relative(folder, file).split(path.sep).join('/') : path.basename(file);
  }

  /** The archive findings of an indexed brief. */
  findings(id: string, entry: ConfigEntry, folders: readonly string[]): Finding[] {
    const index = this.indexOf(id);
    return index ? checkArchive(index, id, { schema: entry.config.schema, catalogue: entry.config.catalogue, nameOf: (other) => this.nameOf(other, folders) }) : [];
  }

  /**
   * The titles cited across every archive, for completion: one per distinct document. The same
   * array instance until what it lists changes (completion caches its search index on it).
   *
   * An open brief is indexed with its current text, so the citation the cursor is in holds the
   * title being typed (`Article: rob`): `editing` (the brief's id, as `idOf` gives it, and the
   * cursor's 0-based line) leaves out that citation — it is not a cited title, and proposing it
   * would replace the typed word by itself. The brief's other citations stay.
   */
  citedTitles(editing?: { briefId: string; line: number }): readonly CitedTitle[] {
    const editingKey = editing ? `${editing.line}:${editing.briefId}` : '';
    if (this.titles?.generation === this.contentGenerationValue && this.titles.editing === editingKey) return this.titles.list;
    const isEdited = (c: ArchiveCitation) => !!editing && c.briefId === editing.briefId && c.range.start.line <= editing.line && editing.line <= c.range.end.line;
    const seen = new Set<string>();
    const list: CitedTitle[] = [];
    for (const index of this.indexes.values()) {
      for (const { key, citations: all } of index.documents()) {
        if (seen.has(key)) continue;
        const citations = all.filter((x) => !isEdited(x));
        if (!citations.length) continue;
        seen.add(key);
        const c = citations.find((x) => x.english && x.chinese) ?? citations[0];
        list.push({ english: c.english?.text.trim(), chinese: c.chinese?.text.trim(), bodies: c.bodiesValue?.text.trim(), date: c.date?.text.trim(), source: c.briefId.startsWith('file:') ? decodeURIComponent(new URL(c.briefId).pathname) : c.briefId });
      }
    }
    // Keep the old instance when nothing completion shows changed (positions moved only, another field, the typed title only).
    const same = this.titles && this.titles.list.length === list.length && this.titles.list.every((t, i) => t.english === list[i].english && t.chinese === list[i].chinese && t.bodies === list[i].bodies && t.date === list[i].date && t.source === list[i].source);
    this.titles = { generation: this.contentGenerationValue, editing: editingKey, list: same ? this.titles!.list : list };
    return this.titles.list;
  }

  /** Stops the discovery. */
  dispose(): void {
    this.abort?.abort();
    clearTimeout(this.refreshTimer);
  }
}
