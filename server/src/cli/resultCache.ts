/**
 * `--cache`: results of unchanged files are taken from a cache file instead of being checked
 * again, the way ESLint's and Prettier's `--cache` work. An entry is used only when the file's
 * content (SHA-256 of its bytes), the configuration that applies to it (the paths and texts of
 * the team files it was loaded from, see `ResolvedConfig.dependencies`) and the tool version are
 * all the same as when it was stored. Files that could not be checked and files whose
 * configuration has problems are never stored.
 *
 * File format (JSON, not meant to be committed): `{ "policyBriefCache": 1, "version": <tool
 * version>, "entries": { <absolute path>: { "content", "config", "findings" } } }`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../core/src/index';
import { findTeamFolder, type ConfigOverrides } from '../config/projectConfig';

/** Default cache file, in the working directory (like `.eslintcache`). */
export const DEFAULT_CACHE_LOCATION = '.policy-brief-cache';

interface Entry {
  /** SHA-256 of the file's bytes. */
  content: string;
  /** Key of the configuration (team folder + overrides) in `configs`. */
  configKey: string;
  /** Hash of that configuration's dependency texts when the entry was stored. */
  config: string;
  findings: Finding[];
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
   */
  constructor(location: string, version: string) {
    this.location = fs.statSync(location, { throwIfNoEntry: false })?.isDirectory() ? path.join(location, DEFAULT_CACHE_LOCATION) : location;
    this.data = { policyBriefCache: 1, version, configs: {}, entries: {} };
    try {
      const value = JSON.parse(fs.readFileSync(this.location, 'utf8')) as Partial<CacheFile>;
      if (value.policyBriefCache === 1 && value.version === version && value.entries && value.configs) this.data = value as CacheFile;
    } catch {
      // No cache yet, or an unreadable one: start empty (it is rewritten on save).
    }
  }

  /** Key of the configuration that applies to `file`: its team folder and the explicit paths. */
  static configKey(file: string, overrides: ConfigOverrides): string {
    return `${findTeamFolder(path.resolve(file)) ?? ''}\0${JSON.stringify(overrides)}`;
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

  /** The stored findings of `file` if its content, configuration and the tool version are unchanged. */
  lookup(file: string, overrides: ConfigOverrides): Finding[] | undefined {
    const entry = this.data.entries[path.resolve(file)];
    if (!entry) return undefined;
    const key = ResultCache.configKey(file, overrides);
    const dependencies = this.data.configs[key];
    if (entry.configKey !== key || !dependencies || entry.config !== this.configHash(key, dependencies)) return undefined;
    let content: string;
    try {
      content = sha256(fs.readFileSync(file));
    } catch {
      return undefined;
    }
    return entry.content === content ? entry.findings : undefined;
  }

  /**
   * Stores the findings of a checked file.
   * @param dependencies the configuration's `ResolvedConfig.dependencies`
   */
  store(file: string, overrides: ConfigOverrides, dependencies: string[], findings: Finding[]): void {
    let content: string;
    try {
      content = sha256(fs.readFileSync(file));
    } catch {
      return;
    }
    const key = ResultCache.configKey(file, overrides);
    this.data.configs[key] = dependencies;
    this.data.entries[path.resolve(file)] = { content, configKey: key, config: this.configHash(key, dependencies), findings };
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
