/** Command ids of the extension (no VS Code import: the manifest test reads them in plain Node). */

/** Commands contributed in package.json (`contributes.commands`). */
export const Commands = {
  restartServer: 'policyBrief.restartServer',
  showOutput: 'policyBrief.showOutput',
  showPreview: 'policyBrief.showPreview',
  showPreviewToSide: 'policyBrief.showPreviewToSide',
} as const;

/** Context key set for the active editor when it shows a brief (keybindings, menus). */
export const IS_BRIEF_CONTEXT_KEY = 'policyBrief.isBrief';
