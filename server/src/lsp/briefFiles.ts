/**
 * The `policyBrief.briefFiles` globs, matched with picomatch against a path relative to the
 * document's workspace folder, with the meaning of VS Code's `RelativePattern(folder, glob)`:
 * `issue-*.md` matches `issue-1.md` in the folder itself, not `sub/issue-1.md` (write
 * `**∕issue-*.md` for any depth); `*` and `?` stop at `/`, `**` spans folders, `{a,b}` and `[abc]`
 * work, dot files match.
 */
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/**
 * True when `relativePath` matches any of `globs`.
 * @param relativePath the file's path relative to its workspace folder (`/` or `\` separated)
 */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  const normalized = relativePath.replace(/\\/g, '/');
  return globs.some((glob) => {
    let matcher = matchers.get(glob);
    if (!matcher) matchers.set(glob, (matcher = picomatch(glob.replace(/\\/g, '/').replace(/^\.\//, ''), { dot: true })));
    return matcher(normalized);
  });
}
