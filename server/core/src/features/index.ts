/** Editor features of the brief core: pure, editor-agnostic (the server maps them to LSP). */
export * from './types';
export { complete, prepareCompletion, completionContext, MAX_COMPLETIONS, COMPLETION_TRIGGER_CHARACTERS, type CompletionInput, type CompletionTrigger, type CompletionContext } from './completion/index';
export { bodyMarkdown, titleMarkdown, partExpectation, sourceLink, levelWords } from './describe';
export { hover, type HoverInput } from './hover';
export { quickFixes, fixAll, menuActions, catalogueStubInsertion, stubBodyId } from './codeActions';
export { documentSymbols, foldingRanges, documentLinks } from './outline';
export { SearchIndex, pinyinForms, type SearchKeys } from './search';
export { inCode, topicAt, citationAt } from './locate';
