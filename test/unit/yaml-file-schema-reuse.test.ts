// Regression: a JSON Schema with an `$id`, read again as a fresh object (every loadConfig re-reads
// the packaged schemas), must validate again instead of failing in ajv with
// 'schema with key or id "…" already exists' (seen in the language server after a settings change).
import assert from 'node:assert/strict';
import { readYamlFile } from '../../server/core/src/index';
import { loadConfig } from '../../server/src/config/projectConfig';
import { readPackageFile } from '../../server/src/config/packageData';

describe('readYamlFile with a re-read JSON Schema', () => {
  it('validates with a fresh copy of the same schema object', () => {
    const schemaText = readPackageFile('schemas', 'issue-schema.schema.json');
    const yaml = readPackageFile('data', 'issue-schemas', 'default.yaml');
    for (let i = 0; i < 3; i++) {
      const result = readYamlFile(yaml, JSON.parse(schemaText) as object, 'schema');
      assert.deepEqual(result.findings, [], `read ${i + 1}`);
    }
    const broken = readYamlFile('schemaVersion: 99\n', JSON.parse(schemaText) as object, 'schema');
    assert.ok(broken.findings.some((f) => f.ruleId === 'schema.schema-violation'), 'the reused validator still reports violations');
  });

  it('loadConfig can run repeatedly in one process', () => {
    for (let i = 0; i < 3; i++) assert.equal(loadConfig(undefined).files.flatMap((f) => f.findings).length, 0);
  });
});
