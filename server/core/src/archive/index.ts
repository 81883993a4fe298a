/**
 * The archive: one index of a team's briefs (cross-brief rules, references, workspace symbols,
 * the documents list). Pure; the Node side discovers and reads the briefs.
 */
export * from './types';
export { indexBrief, headlineKey, type IndexBriefOptions } from './indexBrief';
export { ArchiveIndex, type ArchiveDocument } from './archiveIndex';
export { archiveRules, type ArchiveRule, type ArchiveRuleContext } from './rules/index';
export { checkArchive, type ArchiveCheckConfig } from './checkArchive';
export { archiveTargetAt, archiveReferences, archiveLenses, archiveSymbols, citationAnchor, type ArchiveTarget, type ArchiveLocation, type ArchiveLens, type ArchiveSymbol } from './features';
export { archiveDocuments, policyTitlesYaml, policyTitleEntry, policyTitleStubInsertion, type DocumentSummary, type DocumentValue, type DocumentUse } from './documents';
