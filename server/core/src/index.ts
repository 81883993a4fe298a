/**
 * Public API of the brief core: pure (no LSP, no VS Code, no file system). The language
 * server, the `check` CLI and the tests all use only what this module exports.
 */
export * from './text/lineIndex';
export * from './findings';
export * from './model/types';
export { parseBrief, briefSections, sectionLayout, type BriefSection } from './model/parse';
export type { SectionLayout } from './model/sections';
export { ParseCache } from './model/parseCache';
export { normalizeLabel, schemaLabels, type SchemaLabels } from './model/labels';
export { parseMarkdown, markdownProcessor } from './model/markdown';
export * from './schema/types';
export { loadIssueSchema, mergeSchema, isSchemaName, unknownSchemaNameMessage, DEFAULT_SCHEMA_NAME, type SchemaSource, type LoadedIssueSchema, type FileFindings, type ExtendsResolver } from './schema/issueSchema';
export * from './catalogue/types';
export { Catalogue, loadCatalogue, stripStatusMarkers, VALIDITY_GRACE_DAYS, type CatalogueSource, type LoadedCatalogue, type CatalogueJsonSchemas, type BodyLookup } from './catalogue/catalogue';
export { readCitationDate, citationDay, formatCitationDate } from './catalogue/citationDate';
export { parsePartialDate, isoDay, type Day } from './catalogue/dates';
export { chineseTitleKey, englishKey } from './catalogue/normalize';
export { checkBrief, effectiveSeverity, type CheckConfig, type CheckOptions, type CheckResult } from './check';
export { applyDisableComments, disableComments, DISABLE_COMMENT } from './disableComments';
export { applyEdits, preferredFixEdits } from './fixes';
export { rules, ruleById, type Rule } from './rules/index';
export { readYamlFile } from './yamlFile';
export { closestWord, editDistance } from './text/nearest';
export { ruleDocsUrl } from './rules/docs';
export { looksLikeBrief, BRIEF_MARKER_KEY } from './model/recognize';
export { FenceTracker, forEachLine, type FenceRole } from './model/lines';
export * from './features/index';
export * from './archive/index';
