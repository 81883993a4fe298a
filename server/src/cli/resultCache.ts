/**
 * `--cache`: results of unchanged files are taken from a cache file instead of being checked
 * again, the way ESLint's and Prettier's `--cache` work. An entry is used only when the file's
 * content (SHA-256 of its bytes), the configuration that applies to it (the paths and texts of
 * the team files it was loaded from, see `ResolvedConfig.dependencies`) and the tool version are
 * all the same as when it was stored. Files that could not be checked and files whose
 * configuration has problems are never stored.
 *
 * File format (JSON, not meant to be committed): `{ "policyBriefCache": 1, "version": <tool
 * version>, "entries": { <absolute path>: { "content", "configKey", "day", "config", "findings", "archive" } } }`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArchiveBrief, Finding } from '../../core/src/index';
import type { ConfigOverrides } from '../config/projectConfig';

/** Default cache file, in the working directory (like `.eslintcache`). */
export const DEFAULT_CACHE_LOCATION = '.policy-brief-cache';

interface Entry {
  /** SHA-256 of the file's bytes. */
  content: string;
  /** Key of the configuration (team folder + resolved overrides, the configuration store's key) in `configs`. */
  configKey: string;
  /** The day (yyyy-MM-dd) it was stored: `date.future` compares with today when a brief has no issue date. */
  day: string;
  /** Hash of that configuration's dependency texts when the entry was stored. */
  config: string;
  findings: Finding[];
  /** What the archive keeps of the brief, so that a folder's archive rules need no second parse. */
  archive?: ArchiveBrief;
}

/** A cached result. */
export interface CachedResult {
  findings: Finding[];
  archive?: ArchiveBrief;
}

interface CacheFile {
  policyBriefCache: 1;
  version: string;
  /** Per configuration key: the absolute paths its configuration was loaded from. */
  configs: Record<string, string[]>;
  entries: Record<string, Entry>;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The cached results of one run: `lookup` before checking a file, `store` after, `save` at the
 * end. A hit costs reading and hashing the file and (once per configuration) its configuration
 * files; the configuration itself is not loaded.
 */
export class ResultCache {
  readonly location: string;
  private data: CacheFile;
  private readonly configHashes = new Map<string, string>();
  private dirty = false;

  /**
   * @param location cache file (created on save); an existing directory gets `.policy-brief-cache` inside
   * @param version tool version: a cache written by another version is ignored
   * @param configKey the key of the configuration that applies to a file and overrides, without
   *   loading it (the configuration store's key: team folder and resolved overrides)
   */
  constructor(location: string, version: string, private readonly configKey: (file: string, overrides: ConfigOverrides) => string) {
    this.location = fs.statSync(location, { throwIfNoEntry: false })?.isDirectory() ? path.join(location, DEFAULT_CACHE_LOCATION) : location;
    this.data = { policyBriefCache: 1, version, configs: {}, entries: {} };
    try {
      const value = JSON.parse(fs.readFileSync(this.location, 'utf8')) as Partial<CacheFile>;
      if (value.policyBriefCache === 1 && value.version === version && value.entries && value.configs) this.data = value as CacheFile;
    } catch {
      // No cache yet, or an unreadable one: start empty (it is rewritten on save).
    }
  }

  /** Hash of a configuration's dependency paths with their texts (an absent file counts as absent). */
  private configHash(key: string, dependencies: string[]): string {
    const memo = `${key}\0${dependencies.join('\0')}`;
    let hash = this.configHashes.get(memo);
    if (!hash) {
      hash = sha256(dependencies.map((file) => {
        try {
          return `${file}\0${fs.readFileSync(file, 'utf8')}`;
        } catch {
          return `${file}\0\0absent`;
        }
      }).join('\0\0'));
      this.configHashes.set(memo, hash);
    }
    return hash;
  }

  /** The stored result of `file` if its content, configuration, the tool version and the day are unchanged. */
  lookup(file: string, overrides: ConfigOverrides): CachedResult | undefined {
    const entry = this.data.entries[path.resolve(file)];
    if (!entry || entry.day !== today()) return undefined;
    const key = this.configKey(path.resolve(file), overrides);
    const dependencies = this.data.configs[key];
    if (entry.configKey !== key || !dependencies || entry.config !== this.configHash(key, dependencies)) return undefined;
    let content: string;
    try {
      content = sha256(fs.readFileSync(file));
    } catch {
      return undefined;
    }
    return entry.content === content ? { findings: entry.findings, archive: entry.archive } : undefined;
  }

  /**
   * Stores the findings of a checked file.
   * @param dependencies the configuration's `ResolvedConfig.dependencies`
   */
  store(file: string, overrides: ConfigOverrides, dependencies: string[], findings: Finding[], archive?: ArchiveBrief): void {
    let content: string;
    try {
      content = sha256(fs.readFileSync(file));
    } catch {
      return;
    }
    const key = this.configKey(path.resolve(file), overrides);
    this.data.configs[key] = dependencies;
    this.data.entries[path.resolve(file)] = { content, configKey: key, day: today(), config: this.configHash(key, dependencies), findings, archive };
    this.dirty = true;
  }

  /** Drops entries of files that no longer exist, then writes the cache file if anything changed. */
  save(): void {
    for (const file of Object.keys(this.data.entries)) {
      if (!fs.existsSync(file)) {
        delete this.data.entries[file];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(path.resolve(this.location)), { recursive: true });
    fs.writeFileSync(this.location, JSON.stringify(this.data), 'utf8');
  }
}

/** Today (UTC) as yyyy-MM-dd. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}
