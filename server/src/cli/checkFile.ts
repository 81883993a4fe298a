/**
 * Checks one file with the configuration that applies to it. Used in-process and by the worker
 * threads of the CLI; configurations come from the `ConfigStore` (the one the server uses), kept
 * for the life of the process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkBrief, indexBrief, type ArchiveBrief, type Finding, type FileFindings } from '../../core/src/index';
import type { ConfigOverrides } from '../config/projectConfig';
import { ConfigStore, type ConfigEntry } from '../config/configStore';
import { decodeUtf8 } from '../files/utf8';

/** Input: a path on disk, or text from stdin with a display name. */
export interface CheckFileRequest {
  /** Path shown in output and used for configuration discovery. */
  path: string;
  /** Text to check instead of reading `path` (stdin). */
  text?: string;
  overrides: ConfigOverrides;
  /** Parse and index only, run no rule (`policy-brief documents`). */
  indexOnly?: boolean;
}

/** The findings of one file, plus problems of the configuration it used. */
export interface CheckFileResult {
  path: string;
  findings: Finding[];
  /** Read error (missing file, a directory, binary content, not UTF-8), if the file could not be checked. */
  error?: string;
  /** Team configuration problems, per configuration file. */
  configFiles: FileFindings[];
  configMissing: string[];
  /** The text checked (only when requested, for code frames and `--fix`). */
  text?: string;
  /** What the archive keeps of the brief (its id is `path`), so that the archive rules need no second parse. */
  archive?: ArchiveBrief;
  /** The team folder of the configuration used (briefs under one team folder form one archive). */
  teamFolder?: string;
}

/** The configurations of this process (one per team folder and overrides), loaded once each. */
const configs = new ConfigStore();

/** The configuration entry for a file (absolute path) and overrides, from this process's store. */
export function configFor(file: string, overrides: ConfigOverrides): ConfigEntry {
  return configs.forDocument(file, process.cwd(), overrides);
}

/** The key of the configuration for a file (absolute path) and overrides, without loading it. */
export function configKeyFor(file: string, overrides: ConfigOverrides): string {
  return configs.keyOf(file, process.cwd(), overrides).key;
}

/** Largest file read (bytes); bigger files are reported, not checked. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Checks one brief. Never throws: read problems and a failed check come back as `error`. */
export function checkFile(request: CheckFileRequest, keepText: boolean): CheckFileResult {
  const file = path.resolve(request.path);
  const { latest: resolved, config, teamFolder } = configFor(file, request.overrides);
  const base = { path: request.path, configFiles: resolved.files, configMissing: resolved.missing };
  let text = request.text;
  if (text === undefined) {
    try {
      const stat = fs.statSync(request.path);
      if (stat.size > MAX_FILE_BYTES) return { ...base, findings: [], error: `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not checked.` };
      const buffer = fs.readFileSync(request.path);
      if (buffer.includes(0)) return { ...base, findings: [], error: 'File looks binary (contains NUL bytes); not checked.' };
      const decoded = decodeUtf8(buffer);
      if (decoded.error !== undefined) return { ...base, findings: [], error: `File is ${decoded.error}; not checked (and not fixed). Save it as UTF-8.` };
      text = decoded.text;
    } catch (error) {
      return { ...base, findings: [], error: (error as Error).message };
    }
  }
  try {
    const result = checkBrief(text, config, request.indexOnly ? { rules: [] } : {});
    const archive = indexBrief(request.path, result.model, result.lineIndex, { dateFormat: config.schema.topic.citation.dateFormat, catalogue: config.catalogue });
    return { ...base, findings: result.findings, text: keepText ? text : undefined, archive, teamFolder };
  } catch (error) {
    // checkBrief contains every failure it knows of; this keeps the other files' output if one is missed.
    return { ...base, findings: [], error: `Could not be checked: ${(error as Error)?.message ?? String(error)}` };
  }
}
