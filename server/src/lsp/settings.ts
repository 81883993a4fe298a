/**
 * Settings per resource, pulled with `workspace/configuration` (section `policyBrief`) and
 * cached per URI until `workspace/didChangeConfiguration`. Never kept in server globals: each
 * document asks for its own. Invalid values are reported once and replaced by the default.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type PolicyBriefSettings } from '../protocol';

/** Settings with the problems found while reading them. */
export interface ReadSettings {
  settings: PolicyBriefSettings;
  /** Human-readable problems ("policyBrief.validate must be 'onType' or 'onSave'"). */
  problems: string[];
}

/**
 * Checks raw settings from the client against `PolicyBriefSettings`; unknown keys are ignored,
 * wrong types fall back to the default and are reported.
 */
export function readSettings(raw: unknown): ReadSettings {
  const problems: string[] = [];
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings: PolicyBriefSettings = { ...DEFAULT_SETTINGS, trace: { ...DEFAULT_SETTINGS.trace } };
  const bad = (key: string, expected: string) => problems.push(`${SETTINGS_SECTION}.${key} must be ${expected}; using the default.`);
  if (value.enable !== undefined && value.enable !== null) {
    if (typeof value.enable === 'boolean') settings.enable = value.enable;
    else bad('enable', 'true or false');
  }
  if (value.briefFiles !== undefined && value.briefFiles !== null) {
    if (Array.isArray(value.briefFiles) && value.briefFiles.every((g) => typeof g === 'string')) settings.briefFiles = value.briefFiles as string[];
    else bad('briefFiles', 'a list of glob patterns');
  }
  for (const key of ['schemaPath', 'issuingBodiesPath', 'policyTitlesPath'] as const) {
    const v = value[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') settings[key] = v;
    else bad(key, 'a file path');
  }
  if (value.validate !== undefined && value.validate !== null) {
    if (value.validate === 'onType' || value.validate === 'onSave') settings.validate = value.validate;
    else bad('validate', "'onType' or 'onSave'");
  }
  const trace = (value.trace as Record<string, unknown> | undefined)?.server;
  if (trace !== undefined) {
    if (trace === 'off' || trace === 'messages' || trace === 'verbose') settings.trace.server = trace;
    else bad('trace.server', "'off', 'messages' or 'verbose'");
  }
  return { settings, problems };
}

/** Per-URI cache of settings pulled from the client. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ReadSettings>>();
  private readonly reported = new Set<string>();
  /** Settings pushed with didChangeConfiguration by clients without `workspace/configuration`. */
  private pushed: unknown;

  /**
   * @param connection the LSP connection
   * @param canPull whether the client supports `workspace/configuration`
   */
  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  /** Settings for `uri` (cached until `clear`). */
  get(uri: string): Promise<PolicyBriefSettings> {
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.fetch(uri);
      this.cache.set(uri, entry);
    }
    return entry.then((read) => {
      for (const problem of read.problems) {
        if (this.reported.has(problem)) continue;
        this.reported.add(problem);
        this.connection.console.warn(problem);
        void this.connection.window.showWarningMessage(`Policy Brief: ${problem}`);
      }
      return read.settings;
    });
  }

  private async fetch(uri: string): Promise<ReadSettings> {
    if (!this.canPull()) {
      const pushed = this.pushed as Record<string, unknown> | undefined;
      return readSettings(pushed?.[SETTINGS_SECTION] ?? pushed);
    }
    try {
      const raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return readSettings(raw);
    } catch (error) {
      this.connection.console.error(`Cannot read settings for ${uri}: ${(error as Error).message}`);
      return readSettings(undefined);
    }
  }

  /** Forgets every cached value (didChangeConfiguration); `pushed` is the notification's settings. */
  clear(pushed?: unknown): void {
    this.cache.clear();
    this.reported.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  /** Forgets one URI (document closed). */
  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
