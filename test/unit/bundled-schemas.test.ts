/**
 * The bundled issue schemas (data/issue-schemas/<name>.yaml) and `extends: <name>`: the names come
 * from the folder, each schema loads by name exactly as its file does by path, an unknown name is a
 * `schema.missing-file` at the `extends` value naming the bundled schemas, a path still works, and
 * `schema init --from <name>` writes a starting schema that loads cleanly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadIssueSchema, type SchemaSource } from '../../server/core/src/index';
import { bundledSchemaNames } from '../../server/src/config/bundledSchemas';
import { loadConfig } from '../../server/src/config/projectConfig';
import { starterSchemaText } from '../../server/src/cli/schemaInit';
import { read, repoRoot } from '../support/config';

const folder = path.join(repoRoot, 'data', 'issue-schemas');
const fileNames = fs.readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length));

describe('bundled issue schemas', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-bundled-'));
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.mkdirSync(path.join(tmp, '.policy-brief'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Loads the configuration of `tmp` with `text` as its team schema (and `others` beside it). */
  function team(text: string, others: Record<string, string> = {}) {
    fs.writeFileSync(path.join(tmp, '.policy-brief', 'issue-schema.yaml'), text);
    for (const [name, content] of Object.entries(others)) fs.writeFileSync(path.join(tmp, '.policy-brief', name), content);
    return loadConfig(path.join(tmp, '.policy-brief'));
  }

  it('are the .yaml files of data/issue-schemas, default first (no list in code)', () => {
    assert.deepEqual(bundledSchemaNames(), ['default', ...fileNames.filter((n) => n !== 'default').sort()]);
    assert.ok(fileNames.length >= 3);
  });

  for (const name of fileNames) {
    it(`${name}: extends: ${name} loads it as its file does by path, without findings`, () => {
      const byName = team(`schemaVersion: 1\nextends: ${name}\n`);
      assert.deepEqual(byName.files, [{ path: path.join(tmp, '.policy-brief', 'issue-schema.yaml'), findings: [] }]);
      assert.equal(byName.schemaFellBack, false);
      // The same file through a path (the loader reads and validates its text, heading pattern included).
      fs.copyFileSync(path.join(folder, `${name}.yaml`), path.join(tmp, `${name}.yaml`));
      const byPath = team(`schemaVersion: 1\nextends: ../${name}.yaml\n`);
      assert.deepEqual(byPath.files.flatMap((f) => f.findings), []);
      assert.deepEqual(byName.config.schema, byPath.config.schema);
      assert.equal(byName.config.schema.name, (/^name: (.+)$/m.exec(read(path.join(folder, `${name}.yaml`))) ?? [])[1]);
      // Bundled data is not a file of the team: nothing to watch, nothing to report in.
      assert.ok(!byName.dependencies.some((d) => d.includes('issue-schemas')), byName.dependencies.join());
    });

    it(`${name}: schema init --from ${name} writes a schema that loads to the same, its commented settings uncommented too`, () => {
      const text = starterSchemaText(name);
      const loaded = team(text);
      assert.deepEqual(loaded.files.flatMap((f) => f.findings.map((x) => x.message)), []);
      const plain = name === 'default' ? undefined : team(`schemaVersion: 1\nextends: ${name}\nname: Our brief\n`).config.schema;
      if (plain) {
        assert.deepEqual(loaded.config.schema, plain);
        const marker = text.indexOf(`# What '${name}' says`);
        assert.ok(marker > 0);
        const uncommented = text.slice(0, marker) + text.slice(marker).split('\n').slice(1).map((l) => l.replace(/^# ?/, '')).join('\n');
        assert.match(uncommented, /^(issue|topic):$/m, 'the settings are uncommented');
        const again = team(uncommented);
        assert.deepEqual(again.files.flatMap((f) => f.findings.map((x) => x.message)), [], uncommented);
        assert.deepEqual(again.config.schema, plain);
      }
    });
  }

  it('a team file extends a bundled schema and overrides it by id: parts merge, rules add', () => {
    const loaded = team(['schemaVersion: 1', 'extends: china-tmt-update', 'topic:', '  parts:', '    - id: summary', '      maxWords: 120', 'rules:', '  date.invalid: warning', ''].join('\n'));
    assert.equal(loaded.schemaFellBack, false);
    const summary = loaded.config.schema.topic.parts.find((p) => p.id === 'summary');
    assert.deepEqual(summary, { id: 'summary', required: true, maxWords: 120 });
    assert.equal(loaded.config.schema.topic.parts.length, 1, 'the bundled schema replaced the default parts; the team merges onto it');
    assert.equal(loaded.config.schema.rules['issuing-body.list-format'], 'off');
    assert.equal(loaded.config.schema.rules['date.invalid'], 'warning');
    assert.equal(loaded.config.schema.topic.citation.dateFormat, 'd MMMM');
  });

  it('an unknown name is schema.missing-file at the extends value (UTF-16), with the nearest name and the list; the default applies', () => {
    const text = '# 团队 🚀\nschemaVersion: 1\nextends:   china-esentials # 出版物 🚀\n';
    const loaded = team(text);
    assert.equal(loaded.schemaFellBack, true);
    const [finding] = loaded.files[0].findings;
    assert.equal(finding.ruleId, 'schema.missing-file');
    assert.deepEqual([finding.range.start, finding.range.end].map((p) => [p.line, p.character]), [[2, 11], [2, 26]]);
    assert.equal(finding.message, `No bundled schema is named 'china-esentials'. Did you mean 'china-essentials'? The bundled schemas are ${bundledSchemaNames().map((n) => `'${n}'`).join(', ')}. To extend a file of your own, give its path relative to this one (./china-esentials.yaml).`);
    assert.equal(loaded.config.schema.name, 'China Industries (default)');
    // Far from every name: no suggestion.
    assert.doesNotMatch(team('schemaVersion: 1\nextends: weekly\n').files[0].findings[0].message, /Did you mean/);
  });

  it('a path still works, and so does a file beside the team schema whose name has no extension', () => {
    const base = 'schemaVersion: 1\nextends: china-essentials\nname: Base\n';
    const byPath = team('schemaVersion: 1\nextends: ./base.yaml\n', { 'base.yaml': base });
    assert.deepEqual(byPath.files.map((f) => [path.basename(f.path), f.findings.length]), [['issue-schema.yaml', 0], ['base.yaml', 0]]);
    assert.equal(byPath.config.schema.name, 'Base');
    assert.equal(byPath.config.schema.issue.topics.headingLevel, 3, 'through base.yaml to the bundled china-essentials');
    const bare = team('schemaVersion: 1\nextends: ourbase\n', { ourbase: base });
    assert.equal(bare.schemaFellBack, false);
    assert.equal(bare.config.schema.name, 'Base');
  });

  it('the core loader follows a bundled schema that extends another bundled one, and rejects a broken bundle chain', () => {
    const defaults: SchemaSource = { path: 'data/issue-schemas/default.yaml', text: read(path.join(folder, 'default.yaml')) };
    const jsonSchema = JSON.parse(read(path.join(repoRoot, 'schemas', 'issue-schema.schema.json'))) as object;
    const bundled: Record<string, SchemaSource> = {
      base: { path: 'base.yaml', text: '', value: { schemaVersion: 1, name: 'Base', issue: { topics: { headingLevel: 3 } } } },
      derived: { path: 'derived.yaml', text: '', value: { schemaVersion: 1, extends: 'base', name: 'Derived' } },
      broken: { path: 'broken.yaml', text: '', value: { schemaVersion: 1, extends: 'nowhere' } },
    };
    const resolver = { bundledNames: Object.keys(bundled), bundled: (n: string) => bundled[n] };
    const loaded = loadIssueSchema(defaults, jsonSchema, { path: 'team.yaml', text: 'schemaVersion: 1\nextends: derived\n' }, resolver);
    assert.equal(loaded.schema.name, 'Derived');
    assert.equal(loaded.schema.issue.topics.headingLevel, 3);
    assert.equal(loaded.schema.issue.topics.max, 5, 'what no layer says is the default');
    assert.throws(() => loadIssueSchema(defaults, jsonSchema, { path: 'team.yaml', text: 'schemaVersion: 1\nextends: broken\n' }, resolver), /broken\.yaml extends 'nowhere'/);
  });
});
