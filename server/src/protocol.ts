/**
 * The protocol shared by the Policy Brief language server and its clients: the settings
 * (declared once; the VS Code client imports `PolicyBriefSettings` from here) and the custom
 * messages, all namespaced `policyBrief/…`. No runtime dependency on vscode or the server.
 */

/** When the server re-checks an open brief. */
export type ValidateOn = 'onType' | 'onSave';

/** Trace level of the LSP message log (`policyBrief.trace.server`). */
export type TraceServer = 'off' | 'messages' | 'verbose';

/**
 * Settings of section `policyBrief`, pulled per resource with `workspace/configuration`
 * (`{ scopeUri, section: 'policyBrief' }`). Every field is optional on the wire; the server fills
 * gaps from `DEFAULT_SETTINGS`. Paths may be absolute or relative to the workspace folder that
 * holds the document; when set they override the discovered `.policy-brief/` team files.
 */
export interface PolicyBriefSettings {
  /** Master switch: `false` stops diagnostics and features for this resource. Default `true`. */
  enable: boolean;
  /**
   * Glob patterns (relative to the workspace folder, `**` allowed) of Markdown files that are
   * briefs in addition to auto-detection (front-matter key `policy-brief` or numbered
   * `## 1.` topic headings). Default `[]`.
   */
  briefFiles: string[];
  /** Issue schema YAML overriding `<folder>/.policy-brief/issue-schema.yaml`. Default `null`. */
  schemaPath: string | null;
  /** Issuing-bodies catalogue overriding `<folder>/.policy-brief/issuing-bodies.yaml`. Default `null`. */
  issuingBodiesPath: string | null;
  /** Policy-titles catalogue overriding `<folder>/.policy-brief/policy-titles.yaml`. Default `null`. */
  policyTitlesPath: string | null;
  /** Re-check while typing (debounced) or only when the document is saved. Default `'onType'`. */
  validate: ValidateOn;
  /** LSP trace level (read by the client). Default `'off'`. */
  trace: { server: TraceServer };
}

/** Defaults used for every setting the client does not send. */
export const DEFAULT_SETTINGS: PolicyBriefSettings = Object.freeze({
  enable: true,
  briefFiles: [],
  schemaPath: null,
  issuingBodiesPath: null,
  policyTitlesPath: null,
  validate: 'onType',
  trace: Object.freeze({ server: 'off' }) as { server: TraceServer },
}) as PolicyBriefSettings;

/** The configuration section name (`workspace/configuration` section, settings prefix). */
export const SETTINGS_SECTION = 'policyBrief';

/** Code-action kind of "fix all policy-brief findings in this document". */
export const FIX_ALL_KIND = 'source.fixAll.policyBrief';

/** Diagnostic `source` of every finding the server reports. */
export const DIAGNOSTIC_SOURCE = 'policy-brief';

/**
 * Request `policyBrief/isBrief` (client → server): whether the server treats a document as a
 * brief (configured glob, front-matter marker or content). Params `{ uri }`, result boolean.
 */
export const IsBriefRequest = { method: 'policyBrief/isBrief' } as const;
/** Params of `policyBrief/isBrief`. */
export interface IsBriefParams { uri: string }

/**
 * Notification `policyBrief/configStatus` (server → client): the team configuration in use for
 * a workspace folder changed, or one of its files is broken (the server keeps the last good
 * configuration and reports findings in the broken file itself).
 */
export const ConfigStatusNotification = { method: 'policyBrief/configStatus' } as const;
/** Params of `policyBrief/configStatus`. */
export interface ConfigStatusParams {
  /** Workspace folder URI (or `null` for documents outside any folder). */
  folderUri: string | null;
  /** URIs of the team files in use. */
  files: string[];
  /** URIs of team files with errors (their last good version stays in use). */
  broken: string[];
}

/**
 * Client command of the archive's code lens ("cited in N other briefs"): arguments `(uri, position,
 * locations)` as LSP JSON; the VS Code extension maps it to Show References.
 */
export const SHOW_REFERENCES_COMMAND = 'policyBrief.showReferences';
