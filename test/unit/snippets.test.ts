// The contributed snippets (snippets/policy-brief.code-snippets): every body is well formed, uses
// the default schema's labels, and, expanded with each tab stop at its default (a choice at its
// first value), parses with the brief core into the expected issue, topic, parts and citation.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { checkBrief, looksLikeBrief, parseBrief, type BriefModel, type Topic } from '../../server/core/src/index';
import { loadConfig } from '../../server/src/config/projectConfig';
import { defaultConfig, lineEndingVariants, repoRoot } from '../support/config';

interface SnippetDefinition {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

const snippetFile = path.join(repoRoot, 'snippets', 'policy-brief.code-snippets');
const snippets = JSON.parse(fs.readFileSync(snippetFile, 'utf8')) as Record<string, SnippetDefinition>;

/** Fixed values for the snippet variables the bodies may use (VS Code fills them at insertion). */
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2023', TM_FILENAME_BASE: 'issue' };

/** The body of the snippet with `prefix`, lines joined with LF as VS Code does before insertion. */
function body(prefix: string): string {
  const found = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return ([] as string[]).concat(found.body).join('\n');
}

/**
 * Expands a TextMate/VS Code snippet body as if the user pressed Tab through it without typing:
 * `${n:default}` → default (innermost first), `${n|a,b|}` → `a`, `${n}`/`$n` → the default given to
 * tab stop n elsewhere (a mirror) or nothing, `$VAR`/`${VAR}`/`${VAR:default}` → `VARIABLES`.
 * Throws on an unknown variable or on `$`/`{` left over (a malformed body).
 */
export function expandSnippet(text: string): string {
  const defaults = new Map<number, string>();
  const variable = (name: string, fallback?: string): string => {
    if (name in VARIABLES) return VARIABLES[name];
    if (fallback !== undefined) return fallback;
    throw new Error(`unknown snippet variable ${name}`);
  };
  for (let changed = true; changed; ) {
    changed = false;
    text = text
      .replace(/(?<!\\)\$\{(\d+):((?:[^$}\\]|\\.|\$(?!\{))*)\}/g, (_, n: string, value: string) => {
        changed = true;
        if (!defaults.has(Number(n))) defaults.set(Number(n), value);
        return value;
      })
      .replace(/(?<!\\)\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g, (_, n: string, choices: string) => {
        changed = true;
        const first = choices.split(/(?<!\\),/)[0];
        if (!defaults.has(Number(n))) defaults.set(Number(n), first);
        return first;
      })
      .replace(/(?<!\\)\$\{([A-Z_]+)(?::((?:[^$}\\]|\\.|\$(?!\{))*))?\}/g, (_, name: string, fallback?: string) => {
        changed = true;
        return variable(name, fallback);
      });
  }
  text = text.replace(/(?<!\\)(?:\$\{(\d+)\}|\$(\d+))/g, (_, a?: string, b?: string) => defaults.get(Number(a ?? b)) ?? '');
  text = text.replace(/(?<!\\)\$([A-Z_]+)/g, (_, name: string) => variable(name));
  assert.doesNotMatch(text.replace(/\\[$}\\]/g, ''), /\$|\$\{/, 'unexpanded snippet syntax left');
  return text.replace(/\\([$}\\,|])/g, '$1');
}

/** Tab stop numbers used in a body, and the choice lists, in order of appearance. */
function tabStops(text: string): { stops: number[]; choices: string[][] } {
  const stops = [...text.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1]));
  const choices = [...text.matchAll(/\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/g)].map((m) => m[1].split(/(?<!\\),/));
  return { stops, choices };
}

const schema = defaultConfig().config.schema;
const partLabel = (id: string) => schema.topic.parts.find((p) => p.id === id)!.label;
const fieldLabel = (id: string) => schema.topic.citation.fields.find((f) => f.id === id)!.label;

/** English document-type terms of the bundled catalogue (data/document-types.yaml). */
function documentTypeTerms(): Set<string> {
  const data = parseYaml(fs.readFileSync(path.join(repoRoot, 'data', 'document-types.yaml'), 'utf8')) as { types: { en: string[] }[] };
  return new Set(data.types.flatMap((t) => t.en));
}

/** Asserts the shape every snippet-built topic has: both parts, key points, one full citation. */
function assertSnippetTopic(topic: Topic, keyPoints: number): void {
  assert.deepEqual(topic.parts.map((p) => p.partId), ['at-a-glance', 'comment']);
  assert.equal(topic.parts[0].label?.name.text, partLabel('at-a-glance'));
  assert.equal(topic.parts[1].label?.name.text, partLabel('comment'));
  assert.equal(topic.parts[0].lists.length, 1);
  assert.equal(topic.parts[0].lists[0].length, keyPoints);
  assert.equal(topic.unassigned.length, 0, `stray blocks: ${topic.unassigned.map((b) => b.text).join(' | ')}`);
  assert.equal(topic.citations.length, 1);
  const [citation] = topic.citations;
  assert.deepEqual(citation.fields.map((f) => f.fieldId), ['article', 'issuing-bodies', 'date']);
  assert.deepEqual(citation.fields.map((f) => f.label.name.text), [fieldLabel('article'), fieldLabel('issuing-bodies'), fieldLabel('date')]);
  const article = citation.article!.parsed;
  assert.equal(article.englishTitle?.text, 'Guiding Opinions on the subject');
  assert.equal(article.chineseTitle?.text, '中文标题');
  assert.equal(article.openParen?.text, '(');
  assert.equal(article.link?.url, 'https://');
  assert.deepEqual(citation.issuingBodies!.bodies.map((b) => b.text), ['MIIT']);
  assert.equal(citation.date!.value.text, 'January 1, 2023');
}

/** Structure findings (parts, labels, order, key points) — a snippet must trigger none of them. */
function structureFindings(text: string): string[] {
  return checkBrief(text, defaultConfig().config)
    .findings.filter((f) => f.ruleId.startsWith('structure.') || f.ruleId.startsWith('citation.missing') || f.ruleId === 'date.invalid' || f.ruleId.startsWith('issuing-body.'))
    .map((f) => `${f.ruleId} @${f.range.start.line}: ${f.message}`);
}

describe('snippets', () => {
  it('is a JSON object of snippets with brief- prefixes, a description and a body', () => {
    const prefixes = Object.values(snippets).flatMap((s) => ([] as string[]).concat(s.prefix));
    for (const expected of ['brief-issue', 'brief-topic', 'brief-glance', 'brief-comment', 'brief-citation']) assert.ok(prefixes.includes(expected), expected);
    assert.ok(prefixes.every((p) => p.startsWith('brief-')), prefixes.join(', '));
    assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description && s.description.length > 10, `${name}: description`);
      assert.ok(Array.isArray(s.body) && s.body.length > 0, `${name}: body`);
    }
  });

  for (const [name, s] of Object.entries(snippets)) {
    const prefix = ([] as string[]).concat(s.prefix)[0];
    it(`${prefix}: tab stops run 1..n without gaps, end in $0, and expand cleanly`, () => {
      const text = body(prefix);
      const { stops, choices } = tabStops(text);
      const numbered = [...new Set(stops.filter((n) => n > 0))].sort((a, b) => a - b);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${name}: tab stops ${numbered.join(',')}`);
      assert.equal(stops.filter((n) => n === 0).length, 1, `${name}: exactly one $0`);
      assert.ok(text.trimEnd().endsWith('$0'), `${name}: $0 is the last stop`);
      for (const list of choices) assert.ok(list.length >= 2 && list.every((c) => c.trim() === c && c.length > 0), `${name}: choices ${list.join(',')}`);
      const expanded = expandSnippet(text);
      assert.doesNotMatch(expanded, /\$\{|\$\d/);
    });
  }

  it('offers only document types of the bundled catalogue, and the English month names', () => {
    const terms = documentTypeTerms();
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    for (const s of Object.values(snippets)) {
      for (const list of tabStops(([] as string[]).concat(s.body).join('\n')).choices) {
        if (list[0] === 'January') assert.deepEqual(list, months);
        else for (const term of list) assert.ok(terms.has(term), `${term} is not an English document type in data/document-types.yaml`);
      }
    }
  });

  it('uses the default schema labels', () => {
    const all = Object.values(snippets).map((s) => ([] as string[]).concat(s.body).join('\n')).join('\n');
    for (const label of [partLabel('at-a-glance'), partLabel('comment')]) assert.match(all, new RegExp(`\\*\\*${label}:\\*\\*`));
    for (const id of ['article', 'issuing-bodies', 'date']) assert.match(all, new RegExp(`^${fieldLabel(id)}: `, 'm'));
  });

  describe('expanded with defaults, parse as a brief', () => {
    for (const variant of lineEndingVariants(expandSnippet(body('brief-issue')))) {
      it(`brief-issue (${variant.name}) is a whole issue: title, topics list, one complete topic`, () => {
        const model: BriefModel = parseBrief(variant.text, schema);
        assert.ok(looksLikeBrief(variant.text));
        assert.deepEqual(model.frontMatter?.data, { 'policy-brief': 'china-industries' });
        assert.equal(model.title?.text.text, 'Issue title');
        assert.deepEqual(model.topicsList?.entries.map((e) => e.headline.text), ['Headline of the first topic']);
        assert.equal(model.topics.length, 1);
        assert.equal(model.topics[0].number, 1);
        assert.equal(model.topics[0].headline.text, 'Headline of the first topic');
        assertSnippetTopic(model.topics[0], 2);
        assert.deepEqual(structureFindings(variant.text), []);
      });
    }

    const issueHead = ['---', 'policy-brief: china-industries', '---', '', '# Snippet issue', ''].join('\n');

    it('brief-topic appended twice gives two complete topics', () => {
      const topic = expandSnippet(body('brief-topic'));
      const text = `${issueHead}\n${topic.replace('## 2.', '## 1.')}\n${topic}`;
      const model = parseBrief(text, schema);
      assert.deepEqual(model.topics.map((t) => t.number), [1, 2]);
      for (const t of model.topics) assertSnippetTopic(t, 2);
      assert.deepEqual(structureFindings(text), []);
    });

    for (const variant of lineEndingVariants(
      [issueHead, '## 1. A topic built from part snippets', '', expandSnippet(body('brief-glance')), expandSnippet(body('brief-comment')), expandSnippet(body('brief-citation'))].join('\n'),
    )) {
      it(`a heading + brief-glance + brief-comment + brief-citation (${variant.name}) is a complete topic`, () => {
        const model = parseBrief(variant.text, schema);
        assert.equal(model.topics.length, 1);
        assertSnippetTopic(model.topics[0], 3);
        assert.equal(model.topics[0].parts[1].paragraphs.length, 1, 'the comment keeps its second paragraph');
        assert.deepEqual(structureFindings(variant.text), []);
      });
    }
  });

  describe('the worked example of docs/snippets.md (a team schema and its own snippets)', () => {
    /** The code block after `<!-- worked-example: FILE -->` in docs/snippets.md. */
    const exampleFile = (name: string): string => {
      const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'snippets.md'), 'utf8');
      const m = new RegExp(`<!-- worked-example: ${name.replace(/\./g, '\\.')} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(doc);
      assert.ok(m, `no worked example for ${name}`);
      return m[1];
    };

    it('loads without problems, and the team snippet expands to a topic with the team labels', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-snippets-'));
      try {
        fs.mkdirSync(path.join(dir, '.policy-brief'));
        fs.writeFileSync(path.join(dir, '.policy-brief', 'issue-schema.yaml'), exampleFile('.policy-brief/issue-schema.yaml'));
        const team = loadConfig(path.join(dir, '.policy-brief'));
        assert.deepEqual(team.files.flatMap((f) => f.findings.map((x) => x.message)), []);
        assert.equal(team.schemaFellBack, false);
        const teamSnippets = JSON.parse(exampleFile('.vscode/tech-policy-watch.code-snippets')) as Record<string, SnippetDefinition & { scope?: string }>;
        for (const snippet of Object.values(teamSnippets)) assert.equal(snippet.scope, 'markdown');
        const topic = expandSnippet(([] as string[]).concat(teamSnippets['Tech Policy Watch: topic'].body).join('\n'));
        const text = ['---', 'policy-brief: tech-policy-watch', '---', '', '# An issue', '', topic.replace('## 2.', '## 1.')].join('\n');
        const model = parseBrief(text, team.config.schema);
        assert.equal(model.topics.length, 1);
        const [t] = model.topics;
        assert.deepEqual(t.parts.map((p) => [p.partId, p.label?.name.text]), [['at-a-glance', 'Key facts'], ['comment', 'Our take']]);
        assert.deepEqual(t.citations[0].fields.map((f) => [f.fieldId, f.label.name.text]), [['article', 'Source'], ['issuing-bodies', 'Issued by'], ['date', 'Published']]);
        const findings = checkBrief(text, team.config).findings.filter((f) => f.ruleId.startsWith('structure.') || f.ruleId.startsWith('citation.missing'));
        assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
        // The default `brief-` snippets do not fit this team's labels (hence the team's own).
        const withDefault = [text.split('## 1.')[0], expandSnippet(body('brief-topic')).replace('## 2.', '## 1.')].join('');
        assert.ok(checkBrief(withDefault, team.config).findings.some((f) => f.ruleId === 'structure.missing-part'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('expandSnippet', () => {
    it('expands nested defaults, choices, mirrors, variables and escapes', () => {
      assert.equal(expandSnippet('${1:a ${2:b}} $2 ${3|x,y|} $3 ${CURRENT_YEAR} \\$5 $0'), 'a b b x x 2023 $5 ');
      assert.throws(() => expandSnippet('$NOT_A_VARIABLE'), /unknown snippet variable/);
    });
  });
});
