import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { read } from '/work/wt/issue-12/test/support/config';
const example = read('/work/wt/issue-12/examples/china-industries-2023-04.md');
const t0 = example.slice(example.indexOf('## 1.'));
const parts=[example]; let len=example.length; while(len<+process.argv[2]){parts.push(t0);len+=t0.length;}
const text=parts.join('\n');
const a = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const b = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
for (const [n,p] of [['gfm',a],['plain',b],['gfm',a],['plain',b]] as const) { const t=performance.now(); p.parse(text); console.log(n, (performance.now()-t).toFixed(0)); }
