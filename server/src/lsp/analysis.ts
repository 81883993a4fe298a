/**
 * Per-document analysis: the check result and the model of an open brief's current version
 * (cached by version and configuration generation; one `ParseCache` per document so an edit
 * re-parses only the topics it touched). Which configuration applies and whether a document is
 * a brief: `documentContext.ts`; what completion parses: `completionView.ts`.
 */
import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBrief, compareFindings, parseBrief, rules, sectionLayout, LineIndex, type BriefModel, type CheckResult, type Finding } from '../../core/src/index';
import type { ConfigEntry, ConfigStore } from '../config/configStore';
import type { SettingsCache } from './settings';
import { DocumentContexts, uriToPath, type DocumentContext } from './documentContext';
import { ArchiveService } from './archive';
import { ServerParseCache, warmParseCache, type ParseWorker } from './parseWorker';
import { CheckQueue } from './checkQueue';

export { uriToPath, type DocumentContext } from './documentContext';

/**
 * Above this many UTF-16 code units a document gets the structure checks only (front matter,
 * title, topics, parts), with an information diagnostic saying so: 1,000,000 (≈ 1–3 MB), or
 * the environment variable `POLICY_BRIEF_LARGE_DOCUMENT_LIMIT` (tests use it).
 */
export const LARGE_DOCUMENT_LIMIT = Number(process.env.POLICY_BRIEF_LARGE_DOCUMENT_LIMIT) || 1_000_000;
const STRUCTURE_RULES = rules.filter((r) => r.id.startsWith('structure.') || r.id.startsWith('front-matter.'));

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

/** Analyses open documents on demand. */
export class Analysis {
  private readonly states = new Map<string, DocumentState>();
  /** Settings, configuration and brief status of each open document. */
  readonly contexts: DocumentContexts;
  /** The archive: each check indexes the document's text and adds its archive findings. */
  archive?: ArchiveService;
  /** Who checks next: the most recently opened, changed or requested document. */
  readonly queue = new CheckQueue();

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsCache,
    readonly configs: ConfigStore,
    readonly worker: ParseWorker,
  ) {
    this.contexts = new DocumentContexts(settings, configs);
  }

  /** The workspace folders (set by the server on initialize and folder changes). */
  get folders(): WorkspaceFolder[] {
    return this.contexts.folders;
  }

  set folders(folders: WorkspaceFolder[]) {
    this.contexts.folders = folders;
  }

  /** The workspace folder path that contains `file` (the longest match), or undefined. */
  folderOf(file: string | undefined): string | undefined {
    return this.contexts.folderOf(file);
  }

  /** Settings, configuration and brief status of an open document (see `DocumentContexts.get`). */
  context(document: TextDocument): Promise<DocumentContext> {
    return this.contexts.get(document);
  }

  /** The parse caches of a document: the whole-document one and the one for completion views. */
  caches(uri: string): { cache: ServerParseCache; sectionCache: ServerParseCache } {
    return this.state(uri);
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
    const layout = sectionLayout(context.entry.config.schema);
    let current = this.documents.get(uri);
    // Large unparsed parts go to the worker; retry if the document changed meanwhile.
    for (let attempt = 0; current && attempt < 3; attempt++) {
      if (isCancelled()) return undefined;
      if (state.latest?.resultKey === this.resultKey(current.version, context.entry) && state.latest.entry === context.entry) return state.latest;
      const version: number = current.version;
      if (!(await warmParseCache(this.worker, state.cache, current.getText(), layout, isCancelled))) return undefined;
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
    const resultKey = this.resultKey(current.version, context.entry);
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
    const file = uriToPath(uri);
    if (this.archive && file && this.documents.get(uri)) {
      const id = ArchiveService.idOf(file);
      this.archive.updateOpen(id, check.model, check.lineIndex, context.entry, this.folderOf(file));
      findings.push(...this.archive.findings(id, context.entry, this.folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)));
      findings.sort(compareFindings);
    }
    // Keyed after this document's own archive update, which may have moved the archive's generation.
    const analysed: Analysed = { uri, version, resultKey: this.resultKey(version, context.entry), check, findings, entry: context.entry };
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
    if (first && state.model?.version !== first.version) await warmParseCache(this.worker, state.cache, first.getText(), sectionLayout(context.entry.config.schema), () => false);
    const current = this.documents.get(uri);
    if (!current) return undefined;
    if (state.model?.version === current.version && state.model.generation === context.entry.generation) return { document: current, context, ...state.model };
    const text = current.getText();
    const model = parseBrief(text, context.entry.config.schema, state.cache);
    const lineIndex = new LineIndex(text);
    state.model = { version: current.version, generation: context.entry.generation, model, lineIndex };
    return { document: current, context, model, lineIndex };
  }

  /** Cache key of a check: document version, configuration generation, archive content generation. */
  private resultKey(version: number, entry: ConfigEntry): string {
    return `${version}:${entry.generation}:${this.archive?.contentGeneration ?? 0}`;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.queue.settle(uri);
    this.states.delete(uri);
    this.contexts.forget(uri);
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
