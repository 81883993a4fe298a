/**
 * Minimal glob matching for the `briefFiles` setting: `**` (any folders), `*` (any characters
 * but `/`), `?`, `{a,b}` alternatives and `[abc]` classes, matched against `/`-separated paths
 * relative to a workspace folder. A pattern without `/` matches the file name at any depth.
 */

const cache = new Map<string, RegExp>();

/** The regular expression of a glob pattern. */
export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!pattern.includes('/')) pattern = `**/${pattern}`;
  let source = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') { source += '(?:'; inGroup++; }
    else if (ch === '}' && inGroup) { source += ')'; inGroup--; }
    else if (ch === ',' && inGroup) source += '|';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else { source += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = close; }
    } else source += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  re = new RegExp(`^${source}$`, 'u');
  cache.set(glob, re);
  return re;
}

/** True when `relativePath` (`/`-separated) matches any of `globs`. */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  const normalized = relativePath.replace(/\\/g, '/');
  return globs.some((glob) => globToRegExp(glob).test(normalized));
}
