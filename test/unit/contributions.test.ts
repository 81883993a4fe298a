// The declarative contributions in package.json point at files that exist and agree with the code:
// the Markdown language configuration, the injection grammar, the snippets, and the JSON Schemas
// offered (through the Red Hat YAML extension) for the team files in `.policy-brief/`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { TEAM_FILES, TEAM_FOLDER } from '../../server/src/config/projectConfig';
import { repoRoot } from '../support/config';

interface Manifest {
  l10n?: string;
  icon?: string;
  contributes: {
    languages?: { id: string; configuration?: string; extensions?: string[]; aliases?: string[] }[];
    grammars?: { scopeName: string; path: string; injectTo?: string[]; language?: string }[];
    snippets?: { language: string; path: string }[];
    yamlValidation?: { fileMatch: string; url: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const exists = (relative: string) => fs.existsSync(path.join(repoRoot, relative));

describe('package.json contributions', () => {
  it('attaches language-configuration.json to markdown, without redefining the language', () => {
    const languages = manifest.contributes.languages ?? [];
    assert.deepEqual(languages, [{ id: 'markdown', configuration: './language-configuration.json' }]);
    assert.ok(exists('language-configuration.json'));
  });

  it('injects the grammar into Markdown only', () => {
    const grammars = manifest.contributes.grammars ?? [];
    assert.equal(grammars.length, 1);
    const [grammar] = grammars;
    assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
    assert.equal(grammar.language, undefined, 'an injection grammar must not claim a language');
    assert.ok(exists(grammar.path));
    const raw = JSON.parse(fs.readFileSync(path.join(repoRoot, grammar.path), 'utf8')) as { scopeName: string };
    assert.equal(raw.scopeName, grammar.scopeName);
  });

  it('contributes the snippets for markdown', () => {
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/policy-brief.code-snippets' }]);
    assert.ok(exists('snippets/policy-brief.code-snippets'));
  });

  it('offers a JSON Schema for each team file the server reads', () => {
    const validations = manifest.contributes.yamlValidation ?? [];
    const expected = Object.values(TEAM_FILES).map((file) => ({
      fileMatch: `**/${TEAM_FOLDER}/${file}`,
      url: `./schemas/${file.replace(/\.yaml$/, '')}.schema.json`,
    }));
    assert.deepEqual(validations, expected);
    for (const v of validations) {
      const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, v.url), 'utf8')) as { $schema?: string };
      assert.ok(schema.$schema, `${v.url} declares its JSON Schema dialect`);
    }
  });

  it('has the icon and the l10n folder it names', () => {
    assert.ok(manifest.icon && exists(manifest.icon));
    assert.ok(manifest.l10n && exists(path.join(manifest.l10n, 'bundle.l10n.json')));
  });
});
