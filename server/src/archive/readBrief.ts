/**
 * Reads a Markdown file for the archive, within bounds: files over `MAX_ARCHIVE_FILE_BYTES`,
 * binary files (NUL bytes), files that are not UTF-8, unreadable or vanished files and non-briefs are skipped with a
 * reason, never thrown.
 */
import * as fs from 'node:fs';
import { looksLikeBrief } from '../../core/src/index';
import { decodeUtf8 } from '../files/utf8';

/** Larger files are not indexed (bytes): 2 MB, far above any real issue. */
export const MAX_ARCHIVE_FILE_BYTES = 2 * 1024 * 1024;

/** A brief read from disk, or why the file was skipped. */
export type ReadResult = { text: string } | { skipped: 'not-a-brief' | 'too-large' | 'binary' | 'not-utf8' | 'unreadable'; detail?: string };

function classify(buffer: Buffer, headingLevel: number | undefined, requireBrief: boolean): ReadResult {
  if (buffer.includes(0)) return { skipped: 'binary' };
  const decoded = decodeUtf8(buffer);
  if (decoded.error !== undefined) return { skipped: 'not-utf8', detail: decoded.error };
  const text = decoded.text;
  return !requireBrief || looksLikeBrief(text, headingLevel) ? { text } : { skipped: 'not-a-brief' };
}

/**
 * Reads `file` asynchronously (the language server).
 * @param headingLevel topic heading level of the file's schema (for `looksLikeBrief`)
 * @param requireBrief skip files that do not look like briefs (front-matter key or numbered topic headings)
 */
export async function readBriefFile(file: string, headingLevel?: number, requireBrief = true): Promise<ReadResult> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return { skipped: 'unreadable', detail: 'not a regular file' };
    if (stat.size > MAX_ARCHIVE_FILE_BYTES) return { skipped: 'too-large', detail: `${stat.size} bytes` };
    return classify(await fs.promises.readFile(file), headingLevel, requireBrief);
  } catch (error) {
    return { skipped: 'unreadable', detail: (error as Error).message };
  }
}

/**
 * Reads `file` synchronously (the command line).
 * @param requireBrief false for files named on the command line, which are checked as briefs whatever they hold
 */
export function readBriefFileSync(file: string, headingLevel?: number, requireBrief = true): ReadResult {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { skipped: 'unreadable', detail: 'not a regular file' };
    if (stat.size > MAX_ARCHIVE_FILE_BYTES) return { skipped: 'too-large', detail: `${stat.size} bytes` };
    return classify(fs.readFileSync(file), headingLevel, requireBrief);
  } catch (error) {
    return { skipped: 'unreadable', detail: (error as Error).message };
  }
}
