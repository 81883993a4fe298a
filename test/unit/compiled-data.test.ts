/**
 * Drift check of the data compiled at build time (scripts/compile-data.ts): the committed
 * server/src/config/generated files (and the bundled names in the issue schema's JSON Schema) equal a
 * fresh compilation of data/*.yaml, data/issue-schemas/*.yaml and schemas/*.schema.json, and the compiled validators judge team files like ajv does at run time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileBundledData } from '../../scripts/compile-data';
import { readYamlFile } from '../../server/core/src/index';
import * as validators from '../../server/src/config/generated/validators';
import { repoRoot } from '../support/config';

describe('data compiled at build time', () => {
  it('equals a fresh compilation of data/ and schemas/ (run `npm run compile-data` after editing them)', () => {
    for (const [name, text] of Object.entries(compileBundledData())) {
      assert.ok(fs.readFileSync(path.join(repoRoot, name), 'utf8') === text, `${name} is out of date: run npm run compile-data`);
    }
  });

  it('the standalone validators report the same problems as ajv compiling the schema at run time', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'issuing-bodies.schema.json'), 'utf8')) as object;
    const team = 'schemaVersion: 1\nbodies:\n  - id: x\n    name_en: 5\n    extra: true\n';
    const atRunTime = readYamlFile(team, schema, 'catalogue').findings.map((f) => `${f.range.start.line}:${f.message}`);
    const compiled = readYamlFile(team, validators.issuingBodies, 'catalogue').findings.map((f) => `${f.range.start.line}:${f.message}`);
    assert.ok(atRunTime.length > 0);
    assert.deepEqual(compiled, atRunTime);
  });
});
