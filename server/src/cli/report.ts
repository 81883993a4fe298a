/**
 * Writes the results of a `check` run in the chosen format: human (stdout, configuration
 * problems on stderr), json, sarif, github, rdjson or gitlab (stdout).
 */
import { ruleDocsUrl } from '../../core/src/index';
import type { CheckFileResult } from './checkFile';
import { formatGithub } from './formatGithub';
import { formatGitlab } from './formatGitlab';
import { formatHuman } from './formatHuman';
import { formatJson } from './formatJson';
import { formatRdjson } from './formatRdjson';
import { formatSarif } from './formatSarif';

/** Output formats of `policy-brief check --format`. */
export const FORMATS = ['human', 'json', 'sarif', 'github', 'rdjson', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats that need the checked text of each file (code frames, byte columns, fingerprints). */
export const FORMATS_NEEDING_TEXT: readonly Format[] = ['human', 'rdjson', 'gitlab'];

/** What `writeReport` needs besides the results. */
export interface ReportOptions {
  format: Format;
  /** Tool version (SARIF driver). */
  version: string;
  /**
   * Base URL of the rule pages (`ruleDocsBase`) of the configuration of the first file checked;
   * called only by the formats that link rule pages (it may load that configuration).
   */
  docsBase: () => string;
  color: boolean;
  codeFrames: boolean;
  /** Findings below error severity left out by --quiet (said in the human summary). */
  hiddenByQuiet: number;
  /** True when a configuration file has an error (it is not used: the bundled defaults apply); false when it has only warnings. */
  configFailed: boolean;
}

/**
 * @param configResults problems of configuration files, reported once each (findings located in
 *   those files)
 */
export function writeReport(results: CheckFileResult[], configResults: CheckFileResult[], options: ReportOptions): void {
  const all = [...configResults, ...results];
  let base: string | undefined;
  const docsUrl = (ruleId: string) => ruleDocsUrl(ruleId, (base ??= options.docsBase()));
  const pageUrl = (ruleId: string) => (ruleId.startsWith('internal.') || ruleId.startsWith('server.') ? undefined : docsUrl(ruleId));
  switch (options.format) {
    case 'json': return void process.stdout.write(formatJson(all) + '\n');
    case 'sarif': return void process.stdout.write(formatSarif(all, options.version, docsUrl) + '\n');
    case 'github': {
      const text = formatGithub(all);
      return void process.stdout.write(text ? `${text}\n` : '');
    }
    case 'rdjson': return void process.stdout.write(formatRdjson(all, pageUrl) + '\n');
    case 'gitlab': return void process.stdout.write(formatGitlab(all) + '\n');
    case 'human': {
      const header = options.configFailed ? 'Configuration problems (the bundled defaults are used instead)' : 'Configuration warnings (the configuration is used)';
      if (configResults.length) process.stderr.write(`${header}:\n${formatHuman(configResults, { color: options.color && Boolean(process.stderr.isTTY), codeFrames: true })}\n\n`);
      const quiet = options.hiddenByQuiet ? `\n${options.hiddenByQuiet} non-error finding(s) hidden (--quiet shows errors only).` : '';
      return void process.stdout.write(formatHuman(results, { color: options.color && Boolean(process.stdout.isTTY), codeFrames: options.codeFrames }) + quiet + '\n');
    }
  }
}
