// The Markdown injection grammar (syntaxes/policy-brief.injection.tmLanguage.json), tokenized with
// the engine VS Code uses (vscode-textmate + vscode-oniguruma) on top of the real Markdown grammar
// (the copy VS Code ships, from the tm-grammars package). Asserts the scopes of each token, and that
// nothing is highlighted inside code, lists, quotes or front matter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { read, repoRoot } from '../support/config';

const INJECTION_SCOPE = 'policy-brief.injection';
const injectionPath = path.join(repoRoot, 'syntaxes', 'policy-brief.injection.tmLanguage.json');
const tmGrammars = path.join(repoRoot, 'node_modules', 'tm-grammars', 'grammars');
/** Base grammars, as VS Code ships them: Markdown and the grammars it includes (front matter YAML, inline HTML). */
const baseGrammars: Record<string, string> = {
  'text.html.markdown': path.join(tmGrammars, 'markdown.json'),
  'source.yaml': path.join(tmGrammars, 'yaml.json'),
  'text.html.derivative': path.join(tmGrammars, 'html-derivative.json'),
  'text.html.basic': path.join(tmGrammars, 'html.json'),
};

/** One token of a line: its text and its scope stack (outermost first). */
interface Token {
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

/** Loads the Markdown grammar with the injection, as VS Code does for `injectTo: ["text.html.markdown"]`. */
async function loadMarkdownWithInjection(): Promise<IGrammar> {
  const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = scopeName === INJECTION_SCOPE ? injectionPath : baseGrammars[scopeName];
      // Other embedded languages (JavaScript, CSS, code fences) are not needed here. A missing
      // grammar is not harmless, though: a rule whose only pattern includes it is dropped (the
      // Markdown front matter rule without YAML), so the ones Markdown relies on are loaded.
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded, 'Markdown grammar did not load');
  return loaded;
}

/** Tokenizes a document (any line endings) line by line, carrying the state across lines. */
function tokenize(text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Tokens of the single line of a one-line document (or the given line of a longer one). */
function line(text: string, index = 0): Token[] {
  return tokenize(text)[index];
}

/** Tokens that overlap the first occurrence of `fragment` in the line. */
function tokensOf(tokens: Token[], fragment: string): Token[] {
  const lineText = tokens.map((t) => t.text).join('');
  const start = lineText.indexOf(fragment);
  assert.ok(start >= 0, `"${fragment}" not in "${lineText}"`);
  const end = start + fragment.length;
  let offset = 0;
  const overlapping: Token[] = [];
  for (const token of tokens) {
    const tokenEnd = offset + token.text.length;
    if (tokenEnd > start && offset < end) overlapping.push(token);
    offset = tokenEnd;
  }
  return overlapping;
}

const hasScope = (token: Token, scope: string) => token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));

/** Asserts that `fragment` is exactly one token carrying `scope`. */
function assertToken(tokens: Token[], fragment: string, scope: string): void {
  const overlapping = tokensOf(tokens, fragment);
  assert.equal(overlapping.length, 1, `"${fragment}" spans ${overlapping.length} tokens: ${JSON.stringify(overlapping)}`);
  assert.equal(overlapping[0].text, fragment, `token is "${overlapping[0].text}", expected "${fragment}"`);
  assert.ok(hasScope(overlapping[0], scope), `"${fragment}" has ${overlapping[0].scopes.join(' ')}, expected ${scope}`);
}

/** Asserts that every token of `fragment` carries `scope` (the fragment may span several tokens). */
function assertCovered(tokens: Token[], fragment: string, scope: string): void {
  for (const token of tokensOf(tokens, fragment)) assert.ok(hasScope(token, scope), `"${token.text}" in "${fragment}" has ${token.scopes.join(' ')}, expected ${scope}`);
}

/** Asserts that no token of `fragment` carries a colouring policy-brief scope (`meta.*` ones colour nothing). */
function assertPlain(tokens: Token[], fragment: string): void {
  for (const token of tokensOf(tokens, fragment)) {
    assert.ok(!token.scopes.some((s) => s.endsWith('.policy-brief') && !s.startsWith('meta.')), `"${token.text}" has ${token.scopes.join(' ')}`);
  }
}

const noPolicyScopes = (lines: Token[][]) => lines.flat().filter((t) => t.scopes.some((s) => s.endsWith('.policy-brief')));

const LABEL = 'keyword.other.label.policy-brief';
const FIELD = 'support.type.property-name.policy-brief';
const BODY = 'constant.language.issuing-body.policy-brief';
const TITLE = 'string.quoted.other.chinese-title.policy-brief';
const DATE = 'constant.numeric.date.policy-brief';

describe('injection grammar', () => {
  before(async () => {
    grammar = await loadMarkdownWithInjection();
  });

  it('is a valid injection grammar for Markdown that excludes code, lists, quotes and front matter', () => {
    const raw = JSON.parse(fs.readFileSync(injectionPath, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown /);
    for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'markup.list', 'markup.quote', 'meta.embedded']) {
      assert.ok(raw.injectionSelector.includes(` -${excluded}`), excluded);
    }
  });

  describe('part labels', () => {
    it('bold label with colon inside: label, bold markers, colon; text after it stays Markdown', () => {
      const tokens = line('**At a glance:** The MIIT issued *new* rules.');
      assertToken(tokens, 'At a glance', LABEL);
      assertToken(tokens, ':', 'punctuation.separator.key-value.policy-brief');
      assert.ok(hasScope(tokens[0], 'punctuation.definition.bold.markdown') && tokens[0].text === '**');
      assertCovered(tokens, '**At a glance:**', 'meta.label.part.policy-brief');
      assertCovered(tokens, '**At a glance:**', 'markup.bold.markdown'); // still rendered bold
      assertPlain(tokens, ' The MIIT issued');
      assertCovered(tokens, ' The MIIT issued', 'meta.paragraph.markdown');
      assertCovered(tokens, 'new', 'markup.italic.markdown');
    });

    it('comment labels: MERICS comment, Comment, Analyst comment; colon outside the bold; full-width colon', () => {
      assertToken(line('**MERICS comment:** Foundry rarely makes headlines.'), 'MERICS comment', LABEL);
      assertToken(line('**Comment:** Short.'), 'Comment', LABEL);
      const colonAfter = line('**Analyst comment**: Short.');
      assertToken(colonAfter, 'Analyst comment', LABEL);
      assertCovered(colonAfter, '**Analyst comment**', 'markup.bold.markdown');
      assertToken(colonAfter, ':', 'punctuation.separator.key-value.policy-brief');
      assert.ok(!tokensOf(colonAfter, ': Short.').some((t) => hasScope(t, 'markup.bold')), 'the colon after the bold is not bold');
      assertToken(line('__Comment:__ Underscores.'), 'Comment', LABEL);
      assert.ok(!line('MERICS comment: plain').some((t) => hasScope(t, 'markup.bold')), 'a plain label is not bold');
      const fullWidth = line('MERICS comment：这项政策');
      assertToken(fullWidth, 'MERICS comment', LABEL);
      assertToken(fullWidth, '：', 'punctuation.separator.key-value.policy-brief');
      assertPlain(fullWidth, '这项政策');
      assertToken(line('at a glance: lower case'), 'at a glance', LABEL);
      // CJK right after the bold label (CommonMark may not even treat it as bold): still a label.
      const cjk = line('**At a glance：**工业和信息化部发布了指导意见。');
      assertToken(cjk, 'At a glance', LABEL);
      assertToken(cjk, '：', 'punctuation.separator.key-value.policy-brief');
      assertPlain(cjk, '工业和信息化部发布了指导意见。');
    });

    it('is not a label without a colon, or when not at the start of the paragraph', () => {
      assert.deepEqual(noPolicyScopes(tokenize('**At a glance** without colon')), []);
      assert.deepEqual(noPolicyScopes(tokenize('See the At a glance: part above.')), []);
      assert.deepEqual(noPolicyScopes(tokenize('## 1. At a glance: a headline')), []);
    });
  });

  describe('citation lines', () => {
    it('Article: field label, English title plain, Chinese title a string, link still a Markdown link', () => {
      const tokens = line('Article: Guiding Opinions on Foundry Upgrading (关于推动铸造行业高质量发展的指导意见) ([Link](https://www.example.gov.cn/a.html))');
      assertToken(tokens, 'Article', FIELD);
      assertToken(tokens, ':', 'punctuation.separator.key-value.policy-brief');
      assertPlain(tokens, 'Guiding Opinions on Foundry Upgrading');
      assertCovered(tokens, '(关于推动铸造行业高质量发展的指导意见)', TITLE);
      assertToken(tokens, '(', 'punctuation.definition.string.begin.policy-brief');
      assertCovered(tokens, 'https://www.example.gov.cn/a.html', 'markup.underline.link.markdown');
      assertPlain(tokens, 'Link');
    });

    it('Article: a parenthesis without Han is not a title; full-width marks inside the title stay in it', () => {
      const tokens = line('Article: Measures for AI Services (Draft for Comment) (生成式人工智能服务管理办法（征求意见稿）) ([Link](https://x.example))');
      assertPlain(tokens, '(Draft for Comment)');
      assertCovered(tokens, '(生成式人工智能服务管理办法（征求意见稿）)', TITLE);
      const fullWidth = line('**Article:** Rules on Data （数据出境安全评估办法（试行））');
      assertToken(fullWidth, 'Article', FIELD);
      assertCovered(fullWidth, '**Article:**', 'markup.bold.markdown');
      assertCovered(fullWidth, '（数据出境安全评估办法（试行））', TITLE);
      assertCovered(line('Article: Plan (“机器人+”应用行动实施方案)'), '(“机器人+”应用行动实施方案)', TITLE);
    });

    it('Issuing bodies: each abbreviation is a constant, separators punctuation, full names plain', () => {
      const tokens = line('Issuing bodies: MIIT, NDRC，MEE、NFRA-FIRE and State Council');
      assertToken(tokens, 'Issuing bodies', FIELD);
      for (const id of ['MIIT', 'NDRC', 'MEE', 'NFRA-FIRE']) assertToken(tokens, id, BODY);
      assertToken(tokens, '，', 'punctuation.separator.issuing-body.policy-brief');
      assertPlain(tokens, 'State Council');
      assertToken(line('Issuing body: CAC'), 'CAC', BODY);
      assertToken(line('Issuers: SC'), 'Issuers', FIELD);
    });

    it('Date: the date in each common format is one date token', () => {
      for (const date of ['April 14, 2023', 'Sept. 1, 2023', '14 April 2023', 'April 2023', '2023-04-14', '2023年4月14日']) {
        const tokens = line(`Date: ${date}`);
        assertToken(tokens, 'Date', FIELD);
        assertToken(tokens, date, DATE);
      }
      assertPlain(line('Date: to be announced'), 'to be announced');
    });

    it('a whole citation block, and the seed example: every label and field found', () => {
      const block = tokenize('Article: A Plan (一个方案) ([Link](https://a.example))\nIssuing bodies: CAC\nDate: February 22, 2023\n');
      assertToken(block[1], 'CAC', BODY);
      assertToken(block[2], 'February 22, 2023', DATE);
      const example = tokenize(read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md')));
      const count = (scope: string) => example.flat().filter((t) => hasScope(t, scope)).length;
      assert.equal(count(LABEL), 10, 'five topics × (At a glance, MERICS comment)');
      assert.equal(count(FIELD), 15, 'five topics × (Article, Issuing bodies, Date)');
      assert.equal(count(DATE), 5);
      assert.equal(count(BODY), 3 + 1 + 17 + 1 + 2);
      assert.equal(example.flat().filter((t) => hasScope(t, TITLE) && t.text.startsWith('(')).length, 5);
      // The front matter `policy-brief: china-industries` and the intro list stay plain.
      assert.deepEqual(noPolicyScopes(example.slice(0, 14)), []);
    });
  });

  describe('nothing is highlighted where Markdown is not prose', () => {
    const brief = ['**At a glance:** Text.', 'Article: Title (中文标题) ([Link](https://a.example))', 'Issuing bodies: MIIT, NDRC', 'Date: April 14, 2023'];

    for (const [name, fence] of [['backtick fence without language', '```'], ['tilde fence', '~~~'], ['markdown fence', '```markdown'], ['yaml fence', '```yaml']] as const) {
      it(`inside a fenced code block (${name})`, () => {
        const close = fence.startsWith('~') ? '~~~' : '```';
        const lines = tokenize(['Before.', '', fence, ...brief, close, '', ...brief].join('\n'));
        const inside = lines.slice(3, 3 + brief.length);
        for (const l of inside) assert.ok(l.every((t) => t.scopes.some((s) => s.startsWith('markup.fenced_code'))), JSON.stringify(l));
        assert.deepEqual(noPolicyScopes(inside), []);
        // After the fence closes, the same lines are highlighted again.
        const after = lines.slice(3 + brief.length + 2);
        assertToken(after[0], 'At a glance', LABEL);
        assertToken(after[1], 'Article', FIELD);
        assertToken(after[3], 'April 14, 2023', DATE);
      });
    }

    it('in an indented code block, inline code, list items, block quotes and front matter', () => {
      assert.deepEqual(noPolicyScopes(tokenize(['Para.', '', ...brief.map((l) => `    ${l}`)].join('\n'))), []);
      assert.deepEqual(noPolicyScopes(tokenize('`Date: April 14, 2023` and `Article: X (中文)`')), []);
      assert.deepEqual(noPolicyScopes(tokenize(brief.map((l) => `- ${l}`).join('\n'))), []);
      assert.deepEqual(noPolicyScopes(tokenize(brief.map((l) => `> ${l}`).join('\n'))), []);
      assert.deepEqual(noPolicyScopes(tokenize(['---', 'policy-brief: china-industries', 'Date: April 14, 2023', 'Article: X (中文)', '---', ''].join('\n'))), []);
    });
  });
});
