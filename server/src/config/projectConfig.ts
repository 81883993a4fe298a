/**
 * Finds and loads the configuration that applies to a brief: the bundled default schema and
 * catalogues, plus a team's files in the nearest `.policy-brief/` folder.
 *
 * Discovery rule: starting at the brief's folder, walk up to the first folder that contains a
 * `.policy-brief/` folder; stop at a repository root (a folder with `.git`) or the file-system
 * root. In it: `issue-schema.yaml`, `issuing-bodies.yaml`, `policy-titles.yaml` (each optional).
 * Explicit paths (editor settings, CLI flags) take precedence over discovery.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalogue, loadIssueSchema, type CatalogueSource, type CheckConfig, type FileFindings, type LoadedCatalogue, type SchemaSource } from '../../core/src/index';
import { readPackageFile, readPackageJson } from './packageData';

/**
 * The bundled catalogues (data/*.yaml, validated by schemas/*.schema.json) with a team's files
 * merged onto them; problems of the team files are in the result's `files`.
 */
export function loadBundledCatalogue(team: { issuingBodies?: CatalogueSource; policyTitles?: CatalogueSource } = {}): LoadedCatalogue {
  return loadCatalogue(
    {
      issuingBodies: { path: 'data/issuing-bodies.yaml', text: readPackageFile('data', 'issuing-bodies.yaml') },
      policyTitles: { path: 'data/policy-titles.yaml', text: readPackageFile('data', 'policy-titles.yaml') },
      documentTypes: { path: 'data/document-types.yaml', text: readPackageFile('data', 'document-types.yaml') },
      documentNumberPrefixes: { path: 'data/document-number-prefixes.yaml', text: readPackageFile('data', 'document-number-prefixes.yaml') },
      provincialDivisions: { path: 'data/provincial-divisions.yaml', text: readPackageFile('data', 'provincial-divisions.yaml') },
    },
    {
      issuingBodies: readPackageJson('schemas', 'issuing-bodies.schema.json'),
      policyTitles: readPackageJson('schemas', 'policy-titles.schema.json'),
      documentTypes: readPackageJson('schemas', 'document-types.schema.json'),
      documentNumberPrefixes: readPackageJson('schemas', 'document-number-prefixes.schema.json'),
      provincialDivisions: readPackageJson('schemas', 'provincial-divisions.schema.json'),
    },
    team,
  );
}

/** Name of the team configuration folder. */
export const TEAM_FOLDER = '.policy-brief';
/** File names inside the team folder. */
export const TEAM_FILES = { issueSchema: 'issue-schema.yaml', issuingBodies: 'issuing-bodies.yaml', policyTitles: 'policy-titles.yaml' } as const;

/** Explicit configuration paths; each overrides what discovery would find. */
export interface ConfigOverrides {
  schemaPath?: string;
  issuingBodiesPath?: string;
  policyTitlesPath?: string;
}

/** The configuration for some briefs, with the problems of every file read. */
export interface ResolvedConfig {
  config: CheckConfig;
  /** The team folder used, if any. */
  teamFolder?: string;
  /** Team files read, each with its findings (empty = fine). */
  files: FileFindings[];
  /** Files named in overrides that do not exist. */
  missing: string[];
  /** True when a team schema was unusable and the default applies. */
  schemaFellBack: boolean;
  /** Absolute paths of the configuration files this result depends on (for watching). */
  dependencies: string[];
}

/** The nearest team folder for a file or folder, or undefined. */
export function findTeamFolder(start: string): string | undefined {
  let dir = path.resolve(start);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  else if (!fs.existsSync(dir)) dir = path.dirname(dir);
  for (;;) {
    const candidate = path.join(dir, TEAM_FOLDER);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a configuration file: its text, or undefined when it cannot be read. */
export type ReadConfigFile = (file: string) => string | undefined;

/** Reads a configuration file from disk (undefined when missing or unreadable). */
export const readFromDisk: ReadConfigFile = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Loads the configuration for `teamFolder` (or the bundled defaults when undefined).
 * Never throws for bad team files: their problems are in `files`.
 * @param read reads a team file (default: from disk; the server passes the editor's unsaved text
 *   of open team files first)
 */
export function loadConfig(teamFolder: string | undefined, overrides: ConfigOverrides = {}, read: ReadConfigFile = readFromDisk): ResolvedConfig {
  const readIfExists = (file: string | undefined): SchemaSource | undefined => {
    const text = file ? read(file) : undefined;
    return file && text !== undefined ? { path: file, text } : undefined;
  };
  const missing: string[] = [];
  const pick = (override: string | undefined, name: string) => {
    if (override) {
      const source = readIfExists(override);
      if (!source) missing.push(override);
      return source;
    }
    return teamFolder ? readIfExists(path.join(teamFolder, name)) : undefined;
  };
  const schemaSource = pick(overrides.schemaPath, TEAM_FILES.issueSchema);
  const bodiesSource = pick(overrides.issuingBodiesPath, TEAM_FILES.issuingBodies);
  const titlesSource = pick(overrides.policyTitlesPath, TEAM_FILES.policyTitles);
  const dependencies: string[] = [];
  const schema = loadIssueSchema(
    { path: 'data/issue-schema.default.yaml', text: readPackageFile('data', 'issue-schema.default.yaml') },
    readPackageJson('schemas', 'issue-schema.schema.json'),
    schemaSource,
    (from, reference) => {
      const file = path.resolve(path.dirname(from), reference);
      dependencies.push(file);
      return readIfExists(file);
    },
  );
  const catalogue = loadBundledCatalogue({ issuingBodies: bodiesSource, policyTitles: titlesSource });
  for (const source of [schemaSource, bodiesSource, titlesSource]) if (source) dependencies.push(source.path);
  if (teamFolder) for (const name of Object.values(TEAM_FILES)) dependencies.push(path.join(teamFolder, name));
  return {
    config: { schema: schema.schema, catalogue: catalogue.catalogue },
    teamFolder,
    files: [...schema.files, ...catalogue.files],
    missing,
    schemaFellBack: schema.fellBack,
    dependencies: [...new Set(dependencies)],
  };
}
