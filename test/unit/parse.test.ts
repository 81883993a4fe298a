/** The brief model: topics, parts and citations with exact UTF-16 spans, front matter, ParseCache. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ParseCache, parseBrief, type BriefModel, type Span } from '../../server/core/src/index';
import { defaultConfig, lineEndingVariants, read, repoRoot } from '../support/config';

const schema = () => defaultConfig().config.schema;
const example = (name: string) => read(path.join(repoRoot, 'examples', name));

/** Asserts that every span of the model is the verbatim slice of the text. */
function assertSpansVerbatim(model: BriefModel): void {
  const check = (span: Span | undefined, what: string) => {
    if (span) assert.equal(model.text.slice(span.start, span.end), span.text, what);
  };
  check(model.title?.heading, 'title');
  for (const entry of model.topicsList?.entries ?? []) check(entry.headline, 'topics-list entry');
  for (const topic of model.topics) {
    check(topic.headline, 'headline');
    check(topic.numberSpan, 'number');
    for (const part of topic.parts) {
      check(part.anchor, 'anchor');
      if (part.label) {
        check(part.label.name, 'label name');
        check(part.label.whole, 'label');
      }
    }
    for (const citation of topic.citations) {
      for (const field of citation.fields) {
        check(field.value, `${field.fieldId} value`);
        check(field.line, `${field.fieldId} line`);
      }
      const parsed = citation.article?.parsed;
      check(parsed?.englishTitle, 'English title');
      check(parsed?.chineseTitle, 'Chinese title');
      check(parsed?.link?.span, 'link');
      for (const body of citation.issuingBodies?.bodies ?? []) check(body, 'body');
    }
  }
}

/** The span of the `n`-th occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, n = 0): { start: number; end: number; text: string } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  return { start: at, end: at + needle.length, text: needle };
}

describe('parseBrief', () => {
  describe('examples/china-industries-2023-04.md', () => {
    for (const variant of lineEndingVariants(example('china-industries-2023-04.md'))) {
      it(`models title, topics list, five topics, parts and citations (${variant.name})`, () => {
        const text = variant.text;
        const model = parseBrief(text, schema());
        assertSpansVerbatim(model);
        assert.equal(model.title?.text.text, 'Foundry and forging + Generative AI + Robot applications');
        assert.deepEqual(model.frontMatter?.data, { 'policy-brief': 'china-industries' });
        assert.equal(model.topicsList?.entries.length, 5);
        assert.deepEqual(model.topicsList!.entries[1].headline, spanOf(text, 'Draft rules would put generative AI providers on a short leash'));
        assert.equal(model.topics.length, 5);
        assert.deepEqual(model.topics.map((t) => t.number), [1, 2, 3, 4, 5]);
        for (const topic of model.topics) {
          assert.deepEqual(topic.parts.map((p) => p.partId), ['at-a-glance', 'comment']);
          assert.equal(topic.citations.length, 1);
          assert.equal(topic.parts[0].lists.length, 1);
          assert.equal(topic.parts[0].lists[0].length, 4);
        }
        const first = model.topics[0];
        assert.deepEqual(first.headline, spanOf(text, 'Heavy metal: China sets out to modernize its foundry and forging base', 1));
        assert.deepEqual(first.numberSpan, { start: first.heading.start + 3, end: first.heading.start + 4, text: '1' });
        assert.deepEqual(first.parts[0].label?.whole, spanOf(text, '**At a glance:**'));
        assert.deepEqual(first.parts[1].label?.name, spanOf(text, 'MERICS comment'));
        const citation = first.citations[0];
        assert.deepEqual(citation.article?.parsed.englishTitle, spanOf(text, 'Guiding Opinions on Promoting the High-Quality Development of the Foundry and Forging Industries'));
        assert.deepEqual(citation.article?.parsed.chineseTitle, spanOf(text, '关于推动铸造和锻压行业高质量发展的指导意见'));
        assert.equal(citation.article?.parsed.openParen?.text, '(');
        assert.match(citation.article!.parsed.link!.url, /^https:\/\/www\.miit\.gov\.cn\//);
        assert.deepEqual(citation.issuingBodies?.bodies.map((b) => b.text), ['MIIT', 'NDRC', 'MEE']);
        assert.deepEqual(citation.issuingBodies?.bodies[2], spanOf(text, 'MEE', text.slice(0, citation.start).split('MEE').length - 1));
        assert.deepEqual(citation.date?.value, spanOf(text, 'April 14, 2023'));
        // The robot topic quotes its title with curly quotes and lists 17 bodies.
        const robots = model.topics[2].citations[0];
        assert.equal(robots.article?.parsed.chineseTitle?.text, '“机器人+”应用行动实施方案');
        assert.equal(robots.issuingBodies?.bodies.length, 17);
      });
    }
  });

  it('models a topic with two documents (examples/two-documents.md)', () => {
    const model = parseBrief(example('two-documents.md'), schema());
    assertSpansVerbatim(model);
    assert.equal(model.topics.length, 2);
    const topic = model.topics[1];
    assert.deepEqual(topic.parts.map((p) => p.partId), ['at-a-glance', 'comment']);
    const glance = topic.parts[0];
    assert.deepEqual(glance.lists.map((l) => l.length), [3, 2]);
    assert.equal(glance.trailingParagraphs.length, 1, 'the second lead paragraph follows the first list');
    assert.match(glance.trailingParagraphs[0].text, /^The Central Committee/);
    assert.equal(topic.parts[1].paragraphs.length, 1, 'the comment has a second paragraph');
    assert.equal(topic.citations.length, 2);
    assert.deepEqual(topic.citations.map((c) => c.date?.value.text), ['December 8, 2022', 'December 2, 2022']);
    assert.deepEqual(topic.citations[1].issuingBodies?.bodies.map((b) => b.text), ['CPCCC', 'SC']);
    assert.equal(topic.citations[0].article?.parsed.chineseTitle?.text, '工业和信息化领域数据安全管理办法（试行）');
  });

  describe('front matter', () => {
    it('locates the YAML after a fence with trailing spaces, with CRLF', () => {
      const text = '---  \r\npolicy-brief: x\r\n---\t\r\n\r\n# T\r\n';
      const model = parseBrief(text, schema());
      assert.deepEqual(model.frontMatter?.yaml, spanOf(text, 'policy-brief: x'));
      assert.equal(model.frontMatter?.start, 0);
      assert.equal(model.frontMatter?.end, text.indexOf('\t') + 1);
      assert.deepEqual(model.frontMatter?.data, { 'policy-brief': 'x' });
    });

    it('shifts every offset by one after a BOM', () => {
      for (const eol of ['\n', '\r\n']) {
        const text = `\uFEFF---${eol}a: 1${eol}b: 2${eol}---${eol}# T`;
        const model = parseBrief(text, schema());
        assert.equal(model.frontMatter?.start, 1);
        assert.deepEqual(model.frontMatter?.yaml, spanOf(text, `a: 1${eol}b: 2`));
        assert.deepEqual(model.title?.text, spanOf(text, 'T'));
      }
    });

    it('locates a YAML error inside the front matter', () => {
      const text = '\uFEFF---\r\na: [1\r\n---\r\n# T';
      const model = parseBrief(text, schema());
      const error = model.frontMatter?.error;
      assert.ok(error);
      assert.ok(error.start >= model.frontMatter!.yaml.start && error.start <= model.frontMatter!.yaml.end, JSON.stringify(error));
    });

    it('has no front matter with a `...` closer or a blank line before the fence', () => {
      for (const text of ['---\npolicy-brief: x\n...\n\n# T\n', '\n---\npolicy-brief: x\n---\n\n# T\n', '---\npolicy-brief: x\n']) {
        const model = parseBrief(text, schema());
        assert.equal(model.frontMatter, undefined, JSON.stringify(text));
        assert.equal(model.title?.text.text, text.includes('# T') ? 'T' : undefined);
      }
    });

    it('a YAML warning in the front matter (an unresolved tag) is not written to the process as a warning', async () => {
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
      process.on('warning', onWarning);
      try {
        const model = parseBrief('---\nx: !0 a\n---\n# T\n', schema());
        assert.equal(model.frontMatter?.error, undefined);
        // Process warnings are emitted on a later tick.
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', onWarning);
      }
      assert.deepEqual(warnings, []);
    });

    it('an empty front matter has an empty YAML span', () => {
      const text = '---\n---\n# T';
      const model = parseBrief(text, schema());
      assert.equal(model.frontMatter?.yaml.text, '');
    });
  });

  it('never throws and keeps spans verbatim on odd input', () => {
    for (const text of ['', '\uFEFF', '## ', '## 1.\n\nArticle:\nIssuing bodies:\nDate:', '**'.repeat(500), '## 1. x\n\n**At a glance：**中国🚀\n\n- 𝑥\n\nArticle: (（中文)\r\n']) {
      assertSpansVerbatim(parseBrief(text, schema()));
    }
  });

  describe('ParseCache', () => {
    it('reuses the mdast of unchanged sections and re-parses the edited one', () => {
      const text = example('china-industries-2023-04.md');
      const cache = new ParseCache();
      const before = parseBrief(text, schema(), cache);
      const at = text.indexOf('Measures on the Standard Contract');
      const edited = `${text.slice(0, at)}Draft ${text.slice(at)}`;
      const after = parseBrief(edited, schema(), cache);
      assert.equal(after.sections.length, before.sections.length);
      const changed = after.sections.findIndex((s) => s.start <= at && at < s.end);
      assert.equal(changed, 4, 'topic 4 is section 4 (section 0 is the intro)');
      after.sections.forEach((section, i) => {
        if (i === changed) assert.notEqual(section.root, before.sections[i].root);
        else assert.equal(section.root, before.sections[i].root, `section ${i} re-parsed`);
      });
      // Same model as without a cache, offsets of later topics shifted by the edit.
      const fresh = parseBrief(edited, schema());
      assert.deepEqual(after.topics.map((t) => t.headline), fresh.topics.map((t) => t.headline));
      assert.equal(after.topics[4].headline.start, before.topics[4].headline.start + 'Draft '.length);
      assert.equal(after.topics[3].citations[0].article?.parsed.englishTitle?.text.startsWith('Draft Measures'), true);
    });

    it('drops entries not used by the last parse', () => {
      const cache = new ParseCache();
      const a = parseBrief('# T\n\n## 1. A\n', schema(), cache);
      parseBrief('# T\n\n## 1. B\n', schema(), cache);
      parseBrief('# T\n\n## 1. C\n', schema(), cache);
      const again = parseBrief('# T\n\n## 1. A\n', schema(), cache);
      assert.notEqual(again.sections[1].root, a.sections[1].root);
      assert.equal(again.sections[0].root, a.sections[0].root, 'the intro was used every time');
    });
  });

  describe('a schema part without label (the prose after the topic heading)', () => {
    const prose = {
      ...schema(),
      topic: { ...schema().topic, parts: [{ id: 'lede', required: true }, ...schema().topic.parts.filter((p) => p.id === 'comment')] },
    };
    it('takes the paragraphs and lists before the first label, as any part; later prose stays with its labelled part', () => {
      for (const variant of lineEndingVariants('## 1. Headline\n\nFirst 段落.\n\nSecond.\n\n- point\n\nAfter the list.\n\n**MERICS comment:** Ours.\n\nMore.\n')) {
        const model = parseBrief(variant.text, prose);
        assertSpansVerbatim(model);
        const [lede, comment] = model.topics[0].parts;
        assert.equal(lede.partId, 'lede');
        assert.equal(lede.label, undefined);
        assert.equal(lede.anchor.text, 'First 段落.');
        assert.deepEqual([lede.lead.text, lede.paragraphs.map((p) => p.text), lede.lists.map((l) => l.map((i) => i.plain)), lede.trailingParagraphs.map((p) => p.text)], ['First 段落.', ['Second.'], [['point']], ['After the list.']]);
        assert.equal(comment.partId, 'comment');
        assert.deepEqual(comment.paragraphs.map((p) => p.text), ['More.']);
        assert.deepEqual(model.topics[0].unassigned, []);
      }
    });
    it('opens with a list when the topic does (empty lead, anchored on the list\'s first line)', () => {
      const model = parseBrief('## 1. Headline\n\n- one\n- two\n', prose);
      const [lede] = model.topics[0].parts;
      assert.equal(lede.lead.text, '');
      assert.equal(lede.anchor.text, '- one');
      assert.equal(lede.lists[0].length, 2);
    });
    it('is absent when a label follows the heading directly', () => {
      const model = parseBrief('## 1. Headline\n\n**MERICS comment:** Ours.\n', prose);
      assert.deepEqual(model.topics[0].parts.map((p) => p.partId), ['comment']);
    });
  });

  it('group headings and the closing section (issue.groups, issue.closing) are not topics and end the topic before them', async () => {
    const { loadConfig } = await import('../../server/src/config/projectConfig');
    const grouped = loadConfig(undefined, { schemaPath: path.join(repoRoot, 'test/rules/structure.topic-count/valid-groups-and-closing.schema.yaml') }).config.schema;
    const text = read(path.join(repoRoot, 'test/rules/structure.topic-count/valid-groups-and-closing.md'));
    for (const variant of lineEndingVariants(text)) {
      const model = parseBrief(variant.text, grouped);
      assertSpansVerbatim(model);
      assert.deepEqual(model.topics.map((t) => t.headline.text), ['Shenzhen opens a robotics test zone 🚀', 'Shanghai subsidises chip design tools', 'Hainan courts foreign medical devices（医疗器械）']);
      assert.deepEqual(model.groups?.map((g) => g.text.text), ['Top story', 'In brief']);
      assert.equal(model.closing?.text.text, 'About this newsletter');
      assert.equal(model.closing?.end, variant.text.length, 'the closing section runs to the end, its ### heading included');
      assert.deepEqual(model.topics[0].parts.map((p) => p.lead.text), ['The city named three districts where companies may test service robots in public places.']);
      assert.deepEqual(model.topics[0].parts[0].paragraphs, [], 'the group heading ends the topic before it');
    }
    // The default schema reads the same text with `##` topics: the group headings and the closing heading are topics.
    assert.equal(parseBrief(text, schema()).topics.length, 3);
  });
});
