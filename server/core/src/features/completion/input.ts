/** What completion needs besides the cursor, and the limits shared by the providers. */
import type { BriefModel } from '../../model/types';
import type { LineIndex } from '../../text/lineIndex';
import type { IssueSchema } from '../../schema/types';
import type { Catalogue } from '../../catalogue/catalogue';
import type { TextEdit } from '../../findings';
import type { CitedTitle, CompletionProposal } from '../types';

/**
 * How the request was started: `invoked` (Ctrl+Space, or unknown), `character` (a trigger
 * character was typed: the server registers separators, parentheses, the space and ASCII
 * letters so lists follow typing), `incomplete` (typing on in an open, incomplete list).
 */
export type CompletionTrigger = 'invoked' | 'character' | 'incomplete';

/** Everything completion needs besides the cursor. */
export interface CompletionInput {
  text: string;
  model: BriefModel;
  lineIndex: LineIndex;
  schema: IssueSchema;
  catalogue: Catalogue;
  /** Titles cited in other briefs of the workspace (the same array instance while unchanged). */
  workspaceTitles?: readonly CitedTitle[];
  /**
   * Topics before `text` when it is one section of a larger document (the server completes on
   * the cursor's section alone, for speed); numbers the topic skeleton. Default 0.
   */
  topicsBefore?: number;
  /** How the request started; default `invoked`. Typed letters never open label lists. */
  trigger?: CompletionTrigger;
  /**
   * Parts of the proposals to leave out of the list and compute only in `proposal.resolve`
   * (clients that resolve items, as VS Code does through `completionItem/resolve`): the Markdown
   * documentation. Additional edits are always in the list: VS Code drops resolved additional
   * edits that start after the inserted text, and all of them when the item is accepted before
   * the resolve answers. Default: everything computed at once.
   */
  lazy?: { documentation?: boolean };
}

/** How a proposal's documentation and additional edits are computed (see `withDetails`). */
export interface ProposalDetails {
  documentation?: () => string | undefined;
  additionalEdits?: () => TextEdit[];
}

/**
 * `proposal` with its additional edits (left out when empty) and its documentation: computed
 * now, or, when `input.lazy` names it, left to `proposal.resolve`.
 */
export function withDetails(input: CompletionInput, proposal: CompletionProposal, details: ProposalDetails): CompletionProposal {
  const edits = details.additionalEdits?.();
  if (edits?.length) proposal.additionalEdits = edits;
  const documentation = details.documentation;
  if (!documentation) return proposal;
  if (input.lazy?.documentation) proposal.resolve = () => ({ documentation: documentation() });
  else proposal.documentation = documentation();
  return proposal;
}

/** Maximum number of proposals returned. */
export const MAX_COMPLETIONS = 50;

/** Characters that separate issuing bodies on a line (any of them; the schema says which to write). */
export const SEPARATORS = /[,，、;；]/u;

/**
 * Characters after which an editor asks for completion without Ctrl+Space: the body separators,
 * the label colons, the title parentheses, the space (`MIIT, |`) and the ASCII letters (names,
 * English titles and pinyin typed on). Typed letters open label lists nowhere (see `trigger`).
 */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = [
  ',', '，', '、', ';', '；', ':', '：', '(', '（', ' ',
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
];
