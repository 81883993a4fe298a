/** The server's settings validation and the `briefFiles` glob matcher (picomatch, RelativePattern semantics). */
import * as assert from 'node:assert/strict';
import { readSettings } from '../../server/src/lsp/settings';
import { matchesAny } from '../../server/src/lsp/briefFiles';

describe('Server settings and globs', function () {
  it('accepts valid settings and reports invalid ones with the default kept', () => {
    const good = readSettings({ enable: false, briefFiles: ['a/*.md'], schemaPath: 's.yaml', validate: 'onSave', trace: { server: 'verbose' } });
    assert.deepEqual(good.problems, []);
    assert.equal(good.settings.validate, 'onSave');
    const bad = readSettings({ enable: 'yes', validate: 'always', briefFiles: [1] });
    assert.equal(bad.problems.length, 3);
    assert.equal(bad.settings.enable, true);
    assert.equal(bad.settings.validate, 'onType');
  });

  it('matches brief globs relative to the folder, as VS Code\'s RelativePattern does', () => {
    assert.ok(matchesAny('briefs/2024/issue-1.md', ['briefs/**/*.md']));
    assert.ok(matchesAny('issue-1.md', ['briefs/**/*.md', 'issue-*.md']));
    assert.ok(!matchesAny('deep/down/issue-1.md', ['issue-*.md']), 'a pattern without / matches in the folder only');
    assert.ok(matchesAny('deep/down/issue-1.md', ['**/issue-*.md']));
    assert.ok(matchesAny('deep\\issue-1.md', ['deep/*.md']), 'Windows separators');
    assert.ok(!matchesAny('notes/issue-1.md', ['briefs/**/*.md']));
    assert.ok(matchesAny('a/b.markdown', ['**/*.{md,markdown}']));
  });
});
