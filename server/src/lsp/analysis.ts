/**
 * Per-document analysis: is it a brief, which configuration applies, and the check result of
 * its current version (cached by version and configuration generation; one `ParseCache` per
 * document so an edit re-parses only the topics it touched).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  briefSections, checkBrief, looksLikeBrief, parseBrief, rules, LineIndex,
  type BriefModel, type CheckResult, type Finding,
} from '../../core/src/index';
import type { PolicyBriefSettings } from '../protocol';
import type { ConfigEntry, ConfigStore } from './configStore';
import type { SettingsCache } from './settings';
import { matchesAny } from './glob';
import { ServerParseCache, warmParseCache, WORKER_THRESHOLD, type ParseWorker } from './parseWorker';
import { CheckQueue } from './checkQueue';

/**
 * Above this many UTF-16 code units a document gets the structure checks only (front matter,
 * title, topics, parts), with an information diagnostic saying so: 1,000,000 (≈ 1–3 MB), or
 * the environment variable `POLICY_BRIEF_LARGE_DOCUMENT_LIMIT` (tests use it).
 */
export const LARGE_DOCUMENT_LIMIT = Number(process.env.POLICY_BRIEF_LARGE_DOCUMENT_LIMIT) || 1_000_000;
const STRUCTURE_RULES = rules.filter((r) => r.id.startsWith('structure.') || r.id.startsWith('front-matter.'));

/** Which configuration and settings apply to a document, and whether it is a brief. */
export interface DocumentContext {
  settings: PolicyBriefSettings;
  entry: ConfigEntry;
  isBrief: boolean;
  /** Why it is (or is not) a brief: 'glob', 'content' (front matter or topic headings), 'disabled', 'not-markdown'. */
  reason: 'glob' | 'content' | 'disabled' | 'no';
}

/** A check of one document version. */
export interface Analysed {
  uri: string;
  version: number;
  /** Stable id of this result: document version and configuration generation. */
  resultKey: string;
  check: CheckResult;
  /** Core findings plus the server's own (size cap notice). */
  findings: Finding[];
  entry: ConfigEntry;
}

interface DocumentState {
  cache: ServerParseCache;
  /** Parses of single sections for completion (kept apart: they must not sweep `cache`). */
  sectionCache: ServerParseCache;
  latest?: Analysed;
  /** Model of the latest parse (for features), by version. */
  model?: { version: number; generation: number; model: BriefModel; lineIndex: LineIndex };
}

/** The part of a document completion works on (see `Analysis.completionView`). */
export interface CompletionView {
  document: TextDocument;
  context: DocumentContext;
  /** The text parsed: the cursor's block under its topic heading, or the intro. */
  text: string;
  /** The cursor as an offset in `text`. */
  offset: number;
  /** Maps an offset in `text` (at or after the cursor's block start) to a document offset. */
  toDocument: (offset: number) => number;
  model: BriefModel;
  lineIndex: LineIndex;
  /** Topics of the document before this one. */
  topicsBefore: number;
}

/** File path of a `file:` URI, else undefined. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Analyses open documents on demand. */
export class Analysis {
  private readonly states = new Map<string, DocumentState>();
  /** Who checks next: the most recently opened, changed or requested document. */
  readonly queue = new CheckQueue();
  folders: WorkspaceFolder[] = [];

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsCache,
    readonly configs: ConfigStore,
    private readonly worker: ParseWorker,
  ) {}

  /** The workspace folder path that contains `file` (the longest match), or undefined. */
  folderOf(file: string | undefined): string | undefined {
    if (!file) return undefined;
    let best: string | undefined;
    for (const folder of this.folders) {
      const folderPath = uriToPath(folder.uri);
      if (folderPath && (file === folderPath || file.startsWith(folderPath.endsWith(path.sep) ? folderPath : folderPath + path.sep)) && (!best || folderPath.length > best.length)) best = folderPath;
    }
    return best;
  }

  /** The last context computed per document, reused while version, settings and configuration hold. */
  private readonly contexts = new Map<string, { version: number; settings: PolicyBriefSettings; entry: ConfigEntry; context: DocumentContext }>();

  /** Settings, configuration and brief status of an open document (cached per version). */
  async context(document: TextDocument): Promise<DocumentContext> {
    const settings = await this.settings.get(document.uri);
    const cached = this.contexts.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && this.configs.has(cached.entry)) return cached.context;
    const context = this.computeContext(document, settings);
    this.contexts.set(document.uri, { version: document.version, settings, entry: context.entry, context });
    return context;
  }

  private computeContext(document: TextDocument, settings: PolicyBriefSettings): DocumentContext {
    const file = uriToPath(document.uri);
    const folder = this.folderOf(file) ?? (file ? undefined : this.folders.map((f) => uriToPath(f.uri)).find(Boolean));
    const entry = this.configs.forDocument(file, folder, { schemaPath: settings.schemaPath ?? undefined, issuingBodiesPath: settings.issuingBodiesPath ?? undefined, policyTitlesPath: settings.policyTitlesPath ?? undefined });
    if (!settings.enable) return { settings, entry, isBrief: false, reason: 'disabled' };
    if (file && settings.briefFiles.length) {
      const relative = path.relative(folder ?? path.dirname(file), file).split(path.sep).join('/');
      if (matchesAny(relative, settings.briefFiles)) return { settings, entry, isBrief: true, reason: 'glob' };
    }
    if (!/markdown/i.test(document.languageId) && !/\.(md|markdown)$/i.test(document.uri)) return { settings, entry, isBrief: false, reason: 'no' };
    const brief = looksLikeBrief(document.getText(), entry.config.schema.issue.topics.headingLevel);
    return { settings, entry, isBrief: brief, reason: brief ? 'content' : 'no' };
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) this.states.set(uri, (state = { cache: new ServerParseCache(), sectionCache: new ServerParseCache() }));
    return state;
  }

  /** The latest check of `uri`, whatever its version (for onSave mode). */
  latest(uri: string): Analysed | undefined {
    return this.states.get(uri)?.latest;
  }

  /**
   * Checks the current version of an open document (or returns the cached check).
   * @param isCancelled checked before the work starts and between rules
   * @returns undefined when the document is closed, not a brief, or the work was cancelled
   */
  async analyse(uri: string, isCancelled: () => boolean = () => false): Promise<Analysed | undefined> {
    try {
      return await this.analyseInTurn(uri, isCancelled);
    } finally {
      this.queue.settle(uri);
    }
  }

  private async analyseInTurn(uri: string, isCancelled: () => boolean): Promise<Analysed | undefined> {
    this.queue.want(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const context = await this.context(document);
    if (!context.isBrief) return undefined;
    // Let pending messages (a cancellation, a newer edit) arrive before the synchronous check.
    await new Promise((resolve) => setImmediate(resolve));
    const state = this.state(uri);
    const headingLevel = context.entry.config.schema.issue.topics.headingLevel;
    let current = this.documents.get(uri);
    // Large unparsed parts go to the worker; retry if the document changed meanwhile.
    for (let attempt = 0; current && attempt < 3; attempt++) {
      if (isCancelled()) return undefined;
      if (state.latest?.resultKey === `${current.version}:${context.entry.generation}` && state.latest.entry === context.entry) return state.latest;
      const version: number = current.version;
      if (!(await warmParseCache(this.worker, state.cache, current.getText(), headingLevel, isCancelled))) return undefined;
      current = this.documents.get(uri);
      if (current?.version === version) break;
    }
    if (!current || isCancelled()) return undefined;
    // One synchronous check at a time, the most recently wanted document first (see CheckQueue).
    const release = await this.queue.turn(uri);
    try {
      return this.checkCurrent(uri, state, context, isCancelled);
    } finally {
      release();
    }
  }

  /** Checks the current version of `uri` (synchronous), or returns the cached check. */
  private checkCurrent(uri: string, state: DocumentState, context: DocumentContext, isCancelled: () => boolean): Analysed | undefined {
    const current = this.documents.get(uri);
    if (!current || isCancelled()) return undefined;
    const resultKey = `${current.version}:${context.entry.generation}`;
    if (state.latest?.resultKey === resultKey && state.latest.entry === context.entry) return state.latest;
    const text = current.getText();
    const version = current.version;
    const large = text.length > LARGE_DOCUMENT_LIMIT;
    const check = checkBrief(text, context.entry.config, {
      cache: state.cache,
      rules: large ? STRUCTURE_RULES : undefined,
      isCancelled: () => isCancelled() || this.documents.get(uri)?.version !== version,
    });
    if (check.cancelled) return undefined;
    const findings = [...check.findings];
    if (large) {
      findings.unshift({
        ruleId: 'server.large-document',
        severity: 'information',
        message: `This document has ${text.length.toLocaleString('en')} characters, more than ${LARGE_DOCUMENT_LIMIT.toLocaleString('en')}: only structure checks run while editing. Run \`policy-brief check\` for all checks.`,
        range: check.lineIndex.range(0, 0),
      });
    }
    const analysed: Analysed = { uri, version, resultKey, check, findings, entry: context.entry };
    if (this.documents.get(uri)) {
      state.latest = analysed;
      state.model = { version, generation: context.entry.generation, model: check.model, lineIndex: check.lineIndex };
    }
    return analysed;
  }

  /**
   * The model of the current version, parsed if needed (cheap: the parse cache re-parses only
   * changed topics; no rules run). Undefined when closed or not a brief.
   */
  async model(uri: string): Promise<{ document: TextDocument; context: DocumentContext; model: BriefModel; lineIndex: LineIndex } | undefined> {
    this.queue.promote(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const context = await this.context(document);
    if (!context.isBrief) return undefined;
    const state = this.state(uri);
    const first = this.documents.get(uri);
    if (first && state.model?.version !== first.version) await warmParseCache(this.worker, state.cache, first.getText(), context.entry.config.schema.issue.topics.headingLevel, () => false);
    const current = this.documents.get(uri);
    if (!current) return undefined;
    if (state.model?.version === current.version && state.model.generation === context.entry.generation) return { document: current, context, ...state.model };
    const text = current.getText();
    const model = parseBrief(text, context.entry.config.schema, state.cache);
    const lineIndex = new LineIndex(text);
    state.model = { version: current.version, generation: context.entry.generation, model, lineIndex };
    return { document: current, context, model, lineIndex };
  }

  /**
   * What completion parses: not the whole document but the cursor's block (the run of
   * non-blank lines around it) under its topic heading — a few hundred characters instead of a
   * whole topic, since remark dominates the cost of a keystroke. The intro section is taken
   * whole. Returns 'code' when a fenced code block (open or being closed) holds the cursor.
   * `toDocument` maps view offsets back to document offsets.
   */
  async completionView(uri: string, offset: number): Promise<CompletionView | 'code' | undefined> {
    this.queue.promote(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const context = await this.context(document);
    const current = this.documents.get(uri);
    if (!context.isBrief || !current) return undefined;
    const full = current.getText();
    const sections = briefSections(full, context.entry.config.schema.issue.topics.headingLevel, this.state(uri).cache);
    let index = 0;
    while (index < sections.length - 1 && offset >= sections[index].end) index++;
    const { start, text: section } = sections[index];
    let text = section;
    let toDocument = (relative: number) => start + relative;
    let relative = offset - start;
    if (index > 0) {
      const lines = new LineIndex(section);
      const cursorLine = lines.positionAt(relative).line;
      let fence: string | undefined;
      for (let line = 0; line <= cursorLine; line++) {
        const m = /^ {0,3}(`{3,}|~{3,})/.exec(lines.lineText(line));
        if (!m) continue;
        if (!fence) fence = m[1];
        else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = line === cursorLine ? fence : undefined;
      }
      if (fence) return 'code';
      if (cursorLine > 0) {
        let first = cursorLine;
        let last = cursorLine;
        while (first > 1 && lines.lineText(first - 1).trim()) first--;
        while (last < lines.lineCount - 1 && lines.lineText(last + 1).trim()) last++;
        const blockStart = lines.lineStarts[first];
        const blockEnd = lines.lineEnd(last);
        const heading = lines.lineText(0);
        const eol = lines.eol;
        const prefix = `${heading}${eol}${eol}`;
        text = prefix + section.slice(blockStart, blockEnd);
        toDocument = (r) => start + blockStart + (r - prefix.length);
        relative = prefix.length + (relative - blockStart);
      }
    }
    const state = this.state(uri);
    // A long text (pathological Markdown, say) is parsed in the worker, not on this thread.
    if (text.length > WORKER_THRESHOLD && !state.sectionCache.has(text)) {
      try {
        state.sectionCache.add(text, (await this.worker.parse([text]))[0]);
      } catch {
        // Parsed here instead.
      }
    }
    const model = parseBrief(text, context.entry.config.schema, state.sectionCache);
    return { document: current, context, text, offset: relative, toDocument, model, lineIndex: new LineIndex(text), topicsBefore: Math.max(0, index - 1) };
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.queue.settle(uri);
    this.states.delete(uri);
    this.contexts.delete(uri);
    this.settings.delete(uri);
  }

  /** Drops cached results (configuration or settings changed). */
  invalidate(): void {
    this.contexts.clear();
    for (const state of this.states.values()) {
      state.latest = undefined;
      state.model = undefined;
    }
  }

  log(line: string): void {
    this.connection.console.log(line);
  }
}
