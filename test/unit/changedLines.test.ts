/** `--changed-since`: the new-side path of a `+++ ` line of `git diff`, as git writes odd names (server/src/cli/changedLines.ts). */
import * as assert from 'node:assert/strict';
import { diffTargetPath, parseUnifiedDiff } from '../../server/src/cli/changedLines';

describe('diffTargetPath', () => {
  const cases: [string, string | undefined][] = [
    ['b/briefs/plain.md', 'briefs/plain.md'],
    ['b/briefs/old brief.md\t', 'briefs/old brief.md'],
    ['"b/briefs/say \\"hi\\".md"\t', 'briefs/say "hi".md'],
    ['"b/briefs/tab\\there.md"', 'briefs/tab\there.md'],
    ['"b/briefs/back\\\\slash.md"', 'briefs/back\\slash.md'],
    ['"b/\\347\\256\\200\\346\\212\\245.md"', '简报.md'],
    ['b/简报 一.md\t', '简报 一.md'],
    ['/dev/null', undefined],
  ];
  for (const [field, expected] of cases) {
    it(`${JSON.stringify(field)} → ${JSON.stringify(expected)}`, () => assert.equal(diffTargetPath(field), expected));
  }

  it('parseUnifiedDiff does not take changed lines that start with ++ or -- for file headers', () => {
    const diff = [
      'diff --git a/a.md b/a.md', '--- a/a.md', '+++ b/a.md',
      '@@ -3 +3,2 @@', '--- old rule', '+++ note', '+plain',
      '@@ -9,0 +10 @@', '++++ more',
      'diff --git a/b.md b/b.md', '--- a/b.md', '+++ b/b.md', '@@ -1 +1 @@', '-x', '+y', '\\ No newline at end of file', '',
    ].join('\n');
    assert.deepEqual([...parseUnifiedDiff(diff)].map(([file, lines]) => [file, [...lines]]), [['a.md', [3, 4, 10]], ['b.md', [1]]]);
  });

  it('parseUnifiedDiff keys the hunks by those paths', () => {
    const diff = ['diff --git a/x y.md b/x y.md', '--- a/x y.md\t', '+++ b/x y.md\t', '@@ -3 +3,2 @@', '-a', '+b', '+c', ''].join('\n');
    assert.deepEqual([...parseUnifiedDiff(diff)].map(([file, lines]) => [file, [...lines]]), [['x y.md', [3, 4]]]);
  });
});
