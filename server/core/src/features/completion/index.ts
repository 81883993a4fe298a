/**
 * Context-aware completion for briefs. First decide what the cursor is in (context.ts), then ask
 * the one provider for that kind: issuing bodies (bodies.ts, on `Issuing bodies:` lines and in a
 * schema pattern's captures), policy titles (titles.ts), labels
 * and skeletons (labels.ts). Never inside code, HTML or front matter.
 *
 * Every proposal replaces exactly a range of the current line around the cursor (UTF-16
 * offsets, CRLF-safe: ranges never reach the line break), so accepting one never duplicates
 * text that already follows the cursor.
 */
import type { Catalogue } from '../../catalogue/catalogue';
import type { CitedTitle, CompletionResult } from '../types';
import { completionContext } from './context';
import { bodyIndex, completeBodies } from './bodies';
import { catalogueTitleIndex, citedTitleIndex, completeTitles } from './titles';
import { completeLabels } from './labels';
import type { CompletionInput } from './input';

export { MAX_COMPLETIONS, COMPLETION_TRIGGER_CHARACTERS, type CompletionInput, type CompletionTrigger } from './input';
export { completionContext, type CompletionContext } from './context';

/**
 * Completion proposals at `offset` (UTF-16 document offset of the cursor).
 * @returns an empty, complete result where nothing applies (code, front matter, prose)
 */
export function complete(input: CompletionInput, offset: number): CompletionResult {
  const context = completionContext(input, offset);
  switch (context.kind) {
    case 'bodies':
      return completeBodies(input, offset, context.value, context.citation, context.topic);
    case 'titles':
      return completeTitles(input, offset, context.line, context.valueStart, context.topic);
    case 'labels':
      return completeLabels(input, offset, context.line);
    default:
      return { items: [], isIncomplete: false };
  }
}

/** Warms the search indexes of a catalogue (call off the typing path after loading one). */
export function prepareCompletion(catalogue: Catalogue, workspaceTitles?: readonly CitedTitle[]): void {
  bodyIndex(catalogue);
  catalogueTitleIndex(catalogue);
  if (workspaceTitles) citedTitleIndex(workspaceTitles, catalogue);
}
