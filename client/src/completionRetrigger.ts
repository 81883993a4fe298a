/**
 * Completion that follows typing on citation lines. Markdown has quick suggestions off, so only
 * trigger characters open the list: the server registers separators, parentheses and the space,
 * but VS Code does not open the list on a letter typed at the start of a word, and Han
 * characters committed by an input method cannot all be trigger characters. So when a word starts
 * after a label (`Issuing bodies: MIIT, s`, `Article: r`, `Article: … (sheng`) or Han characters
 * are typed there (`工信`), ask for completion as typing would (`auto`: an empty answer shows
 * nothing, not "No suggestions"). Within a word, the open (incomplete) list asks again by itself.
 */
import * as vscode from 'vscode';

/** Longest insertion treated as typing (an input method commits a few characters at once). */
const MAX_TYPED = 8;
const HAN_AT_END = /\p{Script=Han}$/u;
const LETTER_AT_END = /\p{L}$/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** A label line: `Label:` or `**Label:**` before the cursor. */
const LABEL_LINE = /^[ \t]*(?:\*\*|__)?[^:：*_]{1,40}[:：]/u;

/** Re-triggers completion at word starts and after Han characters on label lines of Markdown documents. */
export function registerCompletionRetrigger(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || event.document !== editor.document || event.document.languageId !== 'markdown') return;
    if (event.contentChanges.length !== 1 || event.reason !== undefined) return;
    const [change] = event.contentChanges;
    if (!change.text || change.text.length > MAX_TYPED || /[\r\n]/.test(change.text) || !LETTER_AT_END.test(change.text)) return;
    const line = event.document.lineAt(change.range.start.line).text;
    // Letters: only the first of a word (the list then follows); Han: every commit.
    if (!HAN_AT_END.test(change.text) && WORD_CHARACTER.test(line.charAt(change.range.start.character - 1))) return;
    if (!LABEL_LINE.test(line.slice(0, change.range.start.character + change.text.length))) return;
    void vscode.commands.executeCommand('editor.action.triggerSuggest', { auto: true });
  });
}
