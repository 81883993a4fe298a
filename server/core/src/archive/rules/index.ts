/**
 * The archive rules (group `archive.`), in reporting order. Adding one: write
 * `archive/rules/<name>.ts` exporting an `ArchiveRule`, list it here, add `docs/rules/<id>.md`
 * and `test/archive-rules/<id>/` (a folder of briefs checked as one archive, with markers).
 */
import type { ArchiveRule } from './rule';
import { renderingMismatch } from './renderingMismatch';
import { detailsMismatch } from './detailsMismatch';
import { duplicateHeadline } from './duplicateHeadline';

/** All archive rules, in reporting order. */
export const archiveRules: readonly ArchiveRule[] = [renderingMismatch, detailsMismatch, duplicateHeadline];

export type { ArchiveRule, ArchiveRuleContext } from './rule';
