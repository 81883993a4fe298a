/** The catalogue stub edit behind "Add to the team catalogue": line endings kept, valid against the catalogue JSON Schema. */
import * as assert from 'node:assert/strict';
import { catalogueStubInsertion } from '../../server/core/src/index';
import { loadBundledCatalogue } from '../../server/src/config/projectConfig';

function loadTeamBodies(text: string) {
  return loadBundledCatalogue({ issuingBodies: { path: 'team/issuing-bodies.yaml', text } });
}

function apply(existing: string | undefined, name: string): string {
  const { start, end, newText } = catalogueStubInsertion(name, existing);
  const text = existing ?? '';
  return text.slice(0, start) + newText + text.slice(end);
}

describe('Catalogue stub entries', function () {
  it('creates a new catalogue that the JSON Schema accepts', () => {
    const text = apply(undefined, 'XYZB');
    const loaded = loadTeamBodies(text);
    assert.deepEqual(loaded.files[0].findings, []);
    assert.equal(loaded.catalogue.lookupBody('XYZB')?.body.source[0], 'TODO');
  });

  it('appends after the last entry, keeping CRLF and the entries there', () => {
    const existing = ['schemaVersion: 1', 'bodies:', '  - id: ABC', '    name_en: "A Bureau"', '    name_zh: 甲局', '    level: national-bureau', '    status: current', '    source: [https://example.org]', '    confidence: high', '', '# trailing comment', ''].join('\r\n');
    const text = apply(existing, 'Some Bureau');
    assert.ok(!/[^\r]\n/.test(text), 'only CRLF line breaks');
    assert.ok(text.startsWith(existing.slice(0, existing.indexOf('confidence: high') + 'confidence: high'.length)));
    assert.ok(text.endsWith('\r\n# trailing comment\r\n'));
    const loaded = loadTeamBodies(text);
    assert.deepEqual(loaded.files[0].findings, []);
    assert.ok(loaded.catalogue.bodyById('SOME-BUREAU'));
    assert.ok(loaded.catalogue.bodyById('ABC'));
  });

  it('replaces an empty flow list and handles a Chinese name', () => {
    const text = apply('schemaVersion: 1\nbodies: []\n', '某某局');
    const loaded = loadTeamBodies(text);
    assert.deepEqual(loaded.files[0].findings, []);
    assert.equal(loaded.catalogue.lookupBody('某某局')?.body.id, 'TODO-ID');
  });
});
