/** Editor features of the brief core: pure, editor-agnostic (the server maps them to LSP). */
export * from './types';
export { complete, prepareCompletion, bodyMarkdown, titleMarkdown, partExpectation, MAX_COMPLETIONS, type CompletionInput } from './completion';
export { hover, type HoverInput } from './hover';
export { quickFixes, fixAll, catalogueStubInsertion, stubBodyId } from './codeActions';
export { documentSymbols, foldingRanges, documentLinks } from './outline';
export { SearchIndex, pinyinForms, type SearchKeys } from './search';
export { inCode, topicAt, citationAt } from './locate';
