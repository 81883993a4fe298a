/**
 * Drift check between the rule registry (the source) and the hand-written docs: every rule has
 * `docs/rules/<id>.md`, every page there names a registered rule, and the table in
 * `docs/rules/README.md` lists every rule once with its default severity.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { archiveRules, rules as briefRules, ruleDocsUrl } from '../../server/core/src/index';
import { fileURLToPath } from 'node:url';
import { ruleDocsBase } from '../../server/src/config/packageData';
import { repoRoot } from '../support/config';

/** The brief rules and the archive rules: both have pages here and rows in the README table. */
const rules = [...briefRules, ...archiveRules];
const docsDir = path.join(repoRoot, 'docs', 'rules');
const ids = rules.map((rule) => rule.id);
const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));

/** Rows of the README table: rule id (from the link text) → cells. */
function readmeRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(docsDir, 'README.md'), 'utf8').split(/\r?\n/)) {
    const m = /^\|\s*\[`([^`]+)`\]\(([^)]+)\)\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    assert.ok(!rows.has(m[1]), `README lists ${m[1]} twice`);
    assert.equal(m[2], `${m[1]}.md`, `README links ${m[1]} to ${m[2]}`);
    rows.set(m[1], m[3].split('|').map((cell) => cell.trim()));
  }
  return rows;
}

describe('rule docs', () => {
  it('every rule has a docs page', () => {
    assert.deepEqual(ids.filter((id) => !pages.includes(id)), []);
  });

  it('every docs page belongs to a rule', () => {
    assert.deepEqual(pages.filter((page) => !ids.includes(page)), []);
  });

  it('the README table lists every rule, in registry order, with its default severity', () => {
    const rows = readmeRows();
    assert.deepEqual([...rows.keys()], ids);
    for (const rule of rules) assert.equal(rows.get(rule.id)![0], rule.defaultSeverity, `severity of ${rule.id} in README`);
  });

  for (const rule of rules) {
    it(`${rule.id}: page states the id, default severity, configuration and examples`, () => {
      const file = path.join(docsDir, `${rule.id}.md`);
      if (!fs.existsSync(file)) return assert.fail(`missing ${file}`);
      const page = fs.readFileSync(file, 'utf8');
      assert.match(page, new RegExp(`^# \`${rule.id.replace(/\./g, '\\.')}\``));
      assert.match(page, new RegExp(`\\| Default severity \\| ${rule.defaultSeverity} \\|`));
      assert.ok(page.includes(`rules:\n  ${rule.id}:`), 'configuration example under rules:');
      for (const section of ['## What it checks', '## Why', '## Configuration', '## Bad', '## Good']) assert.ok(page.includes(section), `section ${section}`);
      const url = ruleDocsUrl(rule.id, ruleDocsBase());
      assert.ok(url.startsWith('file:') && url.endsWith(`docs/rules/${rule.id}.md`), url);
      assert.ok(fs.existsSync(fileURLToPath(url)), `${url} opens offline`);
    });
  }
});
