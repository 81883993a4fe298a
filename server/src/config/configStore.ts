/**
 * THE store of team configurations (the language server, the CLI and the VS Code preview use it):
 * one per (team folder, explicit paths), loaded with `loadConfig`, each keeping its last good
 * version: when an edited schema or catalogue is broken, briefs keep being checked with the last
 * configuration that loaded cleanly, and the broken file gets the findings.
 */
import * as path from 'node:path';
import { findTeamFolder, loadConfig, readFromDisk, teamFolderCandidates, TEAM_FOLDER, type ConfigOverrides, type ReadConfigFile, type ResolvedConfig } from './projectConfig';
import type { CheckConfig, FileFindings } from '../../core/src/index';

/** One configuration in use. */
export interface ConfigEntry {
  /** Cache key: team folder and overrides. */
  key: string;
  teamFolder?: string;
  overrides: ConfigOverrides;
  /** The configuration to check with (the last good one when the latest load is broken). */
  config: CheckConfig;
  /** The latest load (its `files` carry the findings to show in the YAML files). */
  latest: ResolvedConfig;
  /** True when the latest load had errors and an older good configuration is in use. */
  usingLastGood: boolean;
  /** Increases each time `config` changes; part of diagnostic result ids. */
  generation: number;
  /** True once a load without errors happened (there is a last good configuration). */
  hasGood: boolean;
  /**
   * Where a team folder nearer to this entry's open documents than its own could appear: the
   * `.policy-brief` paths discovery looks at from their folders before reaching the entry's team
   * folder (absolute; see `forDocument`'s `open`).
   */
  candidates: Set<string>;
  /** The open documents' folders already counted in `candidates`. */
  openFolders: Set<string>;
}

/** True when a load has errors that make (part of) the team configuration unusable. */
export function isBroken(resolved: ResolvedConfig): boolean {
  return resolved.missing.length > 0 || resolved.schemaFellBack || resolved.files.some((f) => f.findings.some((x) => x.severity === 'error'));
}

let generations = 0;

/**
 * Whether `changed` (an absolute path) is, or is inside, a `.policy-brief` folder that discovery
 * could prefer to `teamFolder` for some document: any one when there is no team folder, else one
 * in the tree `teamFolder` governs (below its parent) other than `teamFolder` itself.
 */
function mayReplaceTeamFolder(changed: string, teamFolder: string | undefined): boolean {
  if (!changed.split(path.sep).includes(TEAM_FOLDER)) return false;
  if (!teamFolder) return true;
  const inside = (folder: string) => changed === folder || changed.startsWith(folder + path.sep);
  return inside(path.dirname(teamFolder)) && !inside(teamFolder);
}

/** Loads, caches and reloads team configurations. */
export class ConfigStore {
  private readonly entries = new Map<string, ConfigEntry>();
  /** Discovered team folder per document folder (cleared on reload). */
  private readonly teamFolders = new Map<string, string | undefined>();

  /**
   * @param onFiles called with every loaded file's findings after each (re)load, so the server
   *   can publish diagnostics in the YAML files (an empty list clears them)
   * @param log writes a line to the log
   * @param read reads a configuration file (default: from disk; the server reads open team files
   *   from the editor, so their errors show while they are edited)
   * @param onWatchPaths called when `watchPaths()` grew without a (re)load (an open document in a new folder)
   */
  constructor(
    private readonly onFiles: (entry: ConfigEntry, files: FileFindings[]) => void = () => undefined,
    private readonly log: (line: string) => void = () => undefined,
    private readonly read: ReadConfigFile = readFromDisk,
    private readonly onWatchPaths: () => void = () => undefined,
  ) {}

  /**
   * The configuration for a document.
   * @param documentPath file path of the document, or undefined (untitled)
   * @param baseFolder folder that relative override paths and untitled documents resolve against
   * @param overrides explicit paths from the settings (absolute or relative to `baseFolder`)
   * @param open true for a document open in the editor: a team folder that appears nearer to it
   *   than the one found (or the first one) is then watched for (`watchPaths`) and replaces the
   *   entry on `reload`. Not for the archive's files on disk: watching every folder that holds
   *   Markdown would cost a watcher each; they are resolved again after each reload.
   */
  forDocument(documentPath: string | undefined, baseFolder: string | undefined, overrides: ConfigOverrides, open = false): ConfigEntry {
    const { key, teamFolder, overrides: resolved, start } = this.keyOf(documentPath, baseFolder, overrides);
    let entry = this.entries.get(key);
    if (!entry) {
      const latest = this.load(teamFolder, resolved);
      entry = { key, teamFolder, overrides: resolved, config: latest.config, latest, usingLastGood: false, hasGood: !isBroken(latest), generation: ++generations, candidates: new Set(), openFolders: new Set() };
      this.entries.set(key, entry);
      if (open && start) this.addOpenFolder(entry, start);
      this.onFiles(entry, latest.files);
    } else if (open && start && !entry.openFolders.has(start)) {
      this.addOpenFolder(entry, start);
      this.onWatchPaths();
    }
    return entry;
  }

  /** Counts the folder of an open document in `entry.candidates` (once per folder). */
  private addOpenFolder(entry: ConfigEntry, folder: string): void {
    entry.openFolders.add(folder);
    for (const candidate of teamFolderCandidates(folder)) {
      if (candidate === entry.teamFolder) break;
      entry.candidates.add(candidate);
    }
  }

  /**
   * Which configuration applies to a document, without loading it: its cache key, team folder
   * and the overrides resolved to absolute paths (arguments as for `forDocument`).
   */
  keyOf(documentPath: string | undefined, baseFolder: string | undefined, overrides: ConfigOverrides): { key: string; teamFolder?: string; overrides: ConfigOverrides; start?: string } {
    const resolved: ConfigOverrides = {};
    for (const key of ['schemaPath', 'issuingBodiesPath', 'policyTitlesPath'] as const) {
      const value = overrides[key];
      if (value) resolved[key] = path.resolve(baseFolder ?? (documentPath ? path.dirname(documentPath) : process.cwd()), value);
    }
    const start = documentPath ? path.dirname(documentPath) : baseFolder;
    let teamFolder = start ? this.teamFolders.get(start) : undefined;
    if (start && !this.teamFolders.has(start)) this.teamFolders.set(start, (teamFolder = findTeamFolder(start)));
    return { key: JSON.stringify([teamFolder ?? '', resolved]), teamFolder, overrides: resolved, start: start && path.resolve(start) };
  }

  private load(teamFolder: string | undefined, overrides: ConfigOverrides): ResolvedConfig {
    const started = Date.now();
    const resolved = loadConfig(teamFolder, overrides, this.read);
    this.log(`Loaded configuration ${teamFolder ?? '(bundled defaults)'} in ${Date.now() - started} ms${isBroken(resolved) ? ' (with errors)' : ''}.`);
    return resolved;
  }

  /** True while `entry` is in use (not dropped by a reload). */
  has(entry: ConfigEntry): boolean {
    return this.entries.get(entry.key) === entry;
  }

  /** Every entry in use. */
  all(): ConfigEntry[] {
    return [...this.entries.values()];
  }

  /** Absolute paths every entry depends on (team files, overrides, extended schemas). */
  dependencies(): string[] {
    const paths = new Set<string>();
    for (const entry of this.entries.values()) {
      for (const file of entry.latest.dependencies) paths.add(file);
      for (const file of entry.latest.missing) paths.add(file);
      for (const file of Object.values(entry.overrides)) if (file) paths.add(file);
    }
    return [...paths];
  }

  /**
   * What the server watches when the client cannot (absolute paths): `dependencies()` and the
   * places where a team folder nearer to an open document could appear (`ConfigEntry.candidates`).
   */
  watchPaths(): string[] {
    const paths = new Set(this.dependencies());
    for (const entry of this.entries.values()) for (const candidate of entry.candidates) paths.add(candidate);
    return [...paths];
  }

  /**
   * Reloads the entries that depend on one of `changed` (absolute paths; all entries when
   * undefined). A team folder nearer to an entry's documents than its own (or the first one) may
   * have appeared, so an entry is also dropped when a changed path could be one
   * (`mayReplaceTeamFolder`); its documents then resolve again.
   * @returns the entries whose configuration changed
   */
  reload(changed?: readonly string[]): ConfigEntry[] {
    const updated: ConfigEntry[] = [];
    this.teamFolders.clear();
    const normalized = changed?.map((p) => path.resolve(p));
    for (const entry of [...this.entries.values()]) {
      const deps = new Set([...entry.latest.dependencies, ...entry.latest.missing, ...Object.values(entry.overrides).filter(Boolean) as string[]]);
      const affected = !normalized || normalized.some((p) => deps.has(p) || (entry.teamFolder && p.startsWith(entry.teamFolder + path.sep)) || p === entry.teamFolder);
      const newTeamFolder = normalized?.some((p) => mayReplaceTeamFolder(p, entry.teamFolder));
      if (newTeamFolder) {
        // A team folder appeared where none was used: forget the entry; documents re-resolve.
        this.entries.delete(entry.key);
        this.onFiles(entry, entry.latest.files.map((f) => ({ path: f.path, findings: [] })));
        updated.push(entry);
        continue;
      }
      if (!affected) continue;
      const latest = this.load(entry.teamFolder, entry.overrides);
      const previousFiles = entry.latest.files;
      entry.latest = latest;
      if (isBroken(latest) && entry.hasGood) {
        // Keep the configuration in use: the last one that loaded without errors.
        if (!entry.usingLastGood) this.log(`Keeping the last good configuration for ${entry.teamFolder ?? 'the configured files'}: a file has errors.`);
        entry.usingLastGood = true;
      } else {
        entry.config = latest.config;
        entry.usingLastGood = false;
        entry.hasGood = !isBroken(latest);
        entry.generation = ++generations;
      }
      const cleared = previousFiles.filter((f) => !latest.files.some((g) => g.path === f.path)).map((f) => ({ path: f.path, findings: [] }));
      this.onFiles(entry, [...latest.files, ...cleared]);
      updated.push(entry);
    }
    return updated;
  }
}
