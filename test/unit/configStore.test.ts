/**
 * The store of team configurations (server/src/config/configStore.ts) on real folders: what the
 * server watches when the client cannot (`watchPaths`), and which entries a change replaces.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigStore } from '../../server/src/config/configStore';

describe('ConfigStore', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-store-')));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, '.policy-brief'));
    fs.writeFileSync(path.join(root, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: default\n');
    for (const folder of ['a/deep', 'b']) fs.mkdirSync(path.join(root, folder), { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('watches where a nearer team folder could appear for open documents only, not for every file the archive reads', () => {
    const store = new ConfigStore();
    for (let i = 0; i < 50; i++) {
      fs.mkdirSync(path.join(root, 'archive', String(i)), { recursive: true });
      store.forDocument(path.join(root, 'archive', String(i), 'brief.md'), root, {});
    }
    const teamFiles = store.watchPaths();
    assert.ok(teamFiles.every((p) => p.startsWith(path.join(root, '.policy-brief'))), teamFiles.join('\n'));
    store.forDocument(path.join(root, 'a', 'deep', 'open.md'), root, {}, true);
    const added = store.watchPaths().filter((p) => !teamFiles.includes(p)).sort();
    assert.deepEqual(added, [path.join(root, 'a', '.policy-brief'), path.join(root, 'a', 'deep', '.policy-brief')], 'the folders between the open brief and its team folder');
  });

  it('a new team folder under the current one replaces the entry (its documents resolve again); a change elsewhere does not', () => {
    const store = new ConfigStore();
    const entry = store.forDocument(path.join(root, 'b', 'brief.md'), root, {});
    assert.equal(entry.teamFolder, path.join(root, '.policy-brief'));
    assert.deepEqual(store.reload([path.join(path.dirname(root), 'elsewhere', '.policy-brief', 'issue-schema.yaml')]), []);
    assert.equal(store.has(entry), true);
    fs.mkdirSync(path.join(root, 'b', '.policy-brief'));
    fs.writeFileSync(path.join(root, 'b', '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: policy-tracker\n');
    assert.deepEqual(store.reload([path.join(root, 'b', '.policy-brief', 'issue-schema.yaml')]), [entry]);
    assert.equal(store.has(entry), false);
    assert.equal(store.forDocument(path.join(root, 'b', 'brief.md'), root, {}).teamFolder, path.join(root, 'b', '.policy-brief'));
  });
});
