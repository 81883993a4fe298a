/**
 * The archive of a set of files for the command line (`check` of several files or a folder,
 * `documents`): one `ArchiveIndex` per team configuration — briefs that share a `.policy-brief/`
 * folder (or share having none) form one archive, since they follow one schema and catalogue.
 */
import * as path from 'node:path';
import { ArchiveIndex, checkArchive, indexBrief, parseBrief, LineIndex, type ArchiveBrief, type CheckConfig, type Finding } from '../../core/src/index';
import type { ConfigOverrides } from '../config/projectConfig';
import { configFor } from '../cli/checkFile';
import { readBriefFileSync } from './readBrief';

/** One archive: the briefs under one team configuration. */
export interface CliArchive {
  /** The team folder (absolute), or undefined for briefs without one. */
  teamFolder?: string;
  /** The configuration in force for these briefs (from the process's one configuration store). */
  config: CheckConfig;
  index: ArchiveIndex;
}

/**
 * The archives of `files` (paths as given; they are the brief ids), with files that could not be
 * read listed in `skipped`.
 * @param texts text to use instead of reading a file (standard input)
 * @param indexed briefs already indexed (by `checkFile`, in worker threads): not parsed again
 */
export function buildArchives(files: readonly string[], overrides: ConfigOverrides, texts: ReadonlyMap<string, string> = new Map(), indexed: ReadonlyMap<string, ArchiveBrief> = new Map()): { archives: CliArchive[]; skipped: { file: string; reason: string }[] } {
  const archives = new Map<string, CliArchive>();
  const skipped: { file: string; reason: string }[] = [];
  for (const file of files) {
    const entry = configFor(path.resolve(file), overrides);
    let archive = archives.get(entry.key);
    if (!archive) archives.set(entry.key, (archive = { teamFolder: entry.teamFolder, config: entry.config, index: new ArchiveIndex() }));
    const done = indexed.get(file);
    if (done) {
      archive.index.set(done);
      continue;
    }
    const { schema, catalogue } = archive.config;
    let text = texts.get(file);
    if (text === undefined) {
      const read = readBriefFileSync(file, schema.issue.topics.headingLevel, false);
      if (!('text' in read)) {
        skipped.push({ file, reason: `${read.skipped}${read.detail ? `: ${read.detail}` : ''}` });
        continue;
      }
      text = read.text;
    }
    archive.index.set(indexBrief(file, parseBrief(text, schema), new LineIndex(text), { dateFormat: schema.topic.citation.dateFormat, catalogue }));
  }
  return { archives: [...archives.values()], skipped };
}

/** The archive findings of every brief in `archives`, by brief id (path as given). */
export function archiveFindings(archives: readonly CliArchive[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const archive of archives) {
    for (const id of archive.index.ids()) {
      const findings = checkArchive(archive.index, id, { ...archive.config, nameOf: (other) => other });
      if (findings.length) byFile.set(id, findings);
    }
  }
  return byFile;
}
