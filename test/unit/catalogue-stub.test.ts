/** The catalogue stub edit behind "Add to the team catalogue": line endings kept, valid against the catalogue JSON Schema. */
import * as assert from 'node:assert/strict';
import { catalogueStubInsertion } from '../../server/core/src/index';
import { loadBundledCatalogue } from '../../server/src/config/projectConfig';

function loadTeamBodies(text: string) {
  return loadBundledCatalogue({ issuingBodies: { path: 'team/issuing-bodies.yaml', text } });
}

function apply(existing: string | undefined, name: string): string {
  const inserted = catalogueStubInsertion(name, existing);
  assert.ok(inserted, 'an insertion');
  const { start, end, newText } = inserted;
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

  for (const [what, existing] of [
    ['a key with no entries yet', 'schemaVersion: 1\nbodies:\n'],
    ['a key with no entries and a comment', 'schemaVersion: 1\nbodies: # ours\nsources: {}\n'],
    ['null', 'schemaVersion: 1\nbodies: null\n'],
    ['a non-empty flow list', 'schemaVersion: 1\nbodies: [{id: FOO, name_en: Foo Office, name_zh: 某办, abbreviations: [FOO], level: national-bureau, status: current, source: [x], confidence: low}]\n'],
    ['a flow list over several lines, CRLF', 'schemaVersion: 1\r\nbodies: [\r\n  {id: FOO, name_en: Foo Office, name_zh: 某办, level: national-bureau, status: current, source: [x], confidence: low}\r\n]\r\n'],
  ] as const) {
    it(`keeps one valid list when the file has ${what}`, () => {
      const text = apply(existing, 'XYZB');
      const loaded = loadTeamBodies(text);
      assert.deepEqual(loaded.files[0].findings, [], text);
      assert.ok(loaded.catalogue.bodyById('XYZB'), text);
      if (existing.includes('FOO')) assert.ok(loaded.catalogue.bodyById('FOO'), 'the entry there is kept');
      assert.equal(text.match(/^bodies:/gm)?.length, 1);
    });
  }

  it('offers no edit for a file it cannot extend without rewriting it (broken YAML, not a mapping, bodies not a list)', () => {
    for (const existing of ['schemaVersion: 1\nbodies: [unclosed\n', '- just\n- a list\n', 'schemaVersion: 1\nbodies: {id: X}\n', 'schemaVersion: 1\nbodies: lots\n']) {
      assert.equal(catalogueStubInsertion('XYZB', existing), undefined, existing);
    }
  });
});
