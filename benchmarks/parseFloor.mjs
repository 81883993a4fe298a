/**
 * The floor under "`check` cold on 500 briefs" (benchmarks/targets.ts): a whole Node process that
 * only reads every `.md` file of a folder and parses it with the project's Markdown parser —
 * unified + remark-parse with YAML front matter, CommonMark only (no GFM, no input bounds, one
 * parse per file rather than one per section), so it is a lower bound of what `check` must spend
 * on parsing alone, before any brief is read or any rule runs.
 *
 *   node benchmarks/parseFloor.mjs <folder>
 *
 * Prints the number of top-level nodes parsed (so that the work cannot be optimised away).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';

const folder = process.argv[2];
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
for (const name of fs.readdirSync(folder)) {
  if (name.endsWith('.md')) nodes += processor.parse(fs.readFileSync(path.join(folder, name), 'utf8')).children.length;
}
console.log(nodes);
