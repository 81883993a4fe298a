/**
 * The protocol shared by the Policy Brief language server and its clients: the settings
 * (declared once; the VS Code client imports `PolicyBriefSettings` from here) and the custom
 * messages, all namespaced `policyBrief/…`, typed with vscode-languageserver-protocol's
 * `RequestType`/`NotificationType`. No runtime dependency on vscode or the server.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

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
export const IsBriefRequest = new RequestType<IsBriefParams, boolean, void>('policyBrief/isBrief');
/** Params of `policyBrief/isBrief` and `policyBrief/briefStatus`. */
export interface IsBriefParams { uri: string }

/**
 * Request `policyBrief/briefStatus` (client → server): what the server applies to a document —
 * whether it is a brief and which issue schema is really in force (the last good one while a team
 * file is broken). The VS Code client's status bar and `policyBrief.isBrief` context key show this.
 */
export const BriefStatusRequest = new RequestType<IsBriefParams, BriefStatus, void>('policyBrief/briefStatus');
/** Result of `policyBrief/briefStatus`. */
export interface BriefStatus {
  /** True when the server checks the document as a brief. */
  isBrief: boolean;
  /** Name (`name:`) of the issue schema in force for the document. */
  schemaName: string;
  /** True when a team file is broken and the last good configuration stays in force. */
  usingLastGood: boolean;
  /** URIs of the configuration files with errors (empty when all load cleanly). */
  brokenFiles: string[];
  /** URIs of configuration files named in the settings that do not exist. */
  missingFiles: string[];
}

/**
 * Notification `policyBrief/configStatus` (server → client): the team configuration in use for
 * a workspace folder changed, or one of its files is broken (the server keeps the last good
 * configuration and reports findings in the broken file itself).
 */
export const ConfigStatusNotification = new NotificationType<ConfigStatusParams>('policyBrief/configStatus');
/** Params of `policyBrief/configStatus`. */
export interface ConfigStatusParams {
  /** Team folder URI (or `null` when only the bundled defaults or explicit paths apply). */
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
