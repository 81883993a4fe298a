// renderBriefHtml: the brief as a newsletter, sanitized, with data-line for scroll sync and
// findings marked in place — on LF, CRLF and BOM variants of real briefs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../server/src/config/projectConfig';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderBriefHtml, type PreviewFinding } from '../../server/core/src/features/preview';
import { checkBrief, LineIndex } from '../../server/core/src/index';
import { defaultConfig, lineEndingVariants, read, repoRoot } from '../support/config';

const example = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
const config = () => defaultConfig().config;

/** `data-line` values of the elements whose opening tag matches `tag` (e.g. `section class="pb-topic"`). */
function dataLines(html: string, tag: RegExp): number[] {
  return [...html.matchAll(new RegExp(`<${tag.source}[^>]*data-line="(\\d+)"`, 'g'))].map((m) => Number(m[1]));
}

describe('preview: renderBriefHtml', () => {
  it('renders title, linked topics list, summary boxes, comments and citation cards', () => {
    const { html, topics, title } = renderBriefHtml(example, config());
    assert.equal(title, 'Foundry and forging + Generative AI + Robot applications');
    assert.deepEqual(topics.map((t) => t.number), [1, 2, 3, 4, 5]);
    assert.match(html, /^<article class="pb-brief">/);
    assert.match(html, /<p class="pb-kicker"[^>]*>China Industries Brief<\/p><h1 class="pb-title"/);
    for (const topic of topics) assert.match(html, new RegExp(`<a href="#${topic.anchor}" class="pb-topic-link">`));
    assert.equal(html.match(/<section class="pb-topic" id="pb-topic-\d"/g)?.length, 5);
    assert.equal(html.match(/<aside class="pb-part pb-part--summary" data-part="at-a-glance"/g)?.length, 5);
    assert.equal(html.match(/<div class="pb-part pb-part--commentary" data-part="comment"/g)?.length, 5);
    assert.equal(html.match(/<ul class="pb-key-points">/g)?.length, 5);
    assert.equal(html.match(/<div class="pb-citation" /g)?.length, 5);
    assert.match(html, /<span class="pb-topic-number">1<\/span><h2 class="pb-topic-headline">Heavy metal: China sets out/);
    // A citation card: linked English title, Chinese title, expanded bodies with Chinese tooltips, date.
    assert.match(html, /<p class="pb-citation-title-en" lang="en" data-line="29"><a href="https:\/\/www\.miit\.gov\.cn\/[^"]*" class="pb-citation-link">Guiding Opinions on Promoting/);
    assert.match(html, /<p class="pb-citation-title-zh" lang="zh-CN" data-line="29">关于推动铸造和锻压行业高质量发展的指导意见<\/p>/);
    assert.match(html, /<span class="pb-body" title="中华人民共和国国家发展和改革委员会" lang="en"><span class="pb-body-name" lang="en">National Development and Reform Commission<\/span> <span class="pb-body-abbr">\(NDRC\)<\/span><\/span>/);
    assert.match(html, /<time datetime="2023-04-14">April 14, 2023<\/time>/);
    assert.doesNotMatch(html, /policy-brief: china-industries/, 'front matter is not shown');
  });

  for (const variant of lineEndingVariants(example)) {
    it(`data-line is the 0-based source line of each block (${variant.name})`, () => {
      const { html, topics } = renderBriefHtml(variant.text, config());
      const index = new LineIndex(variant.text);
      const headingLines = variant.text.split(/\r\n|\n/).flatMap((line, i) => (/^## \d\./.test(line.replace(/^\uFEFF/, '')) ? [i] : []));
      assert.deepEqual(topics.map((t) => t.line), headingLines);
      assert.deepEqual(dataLines(html, /section class="pb-topic"/), headingLines);
      const keyPointLines = variant.text.split(/\r\n|\n/).flatMap((line, i) => (line.startsWith('- ') ? [i] : []));
      assert.deepEqual(dataLines(html, /li/).filter((l) => keyPointLines.includes(l)), keyPointLines);
      assert.equal(dataLines(html, /h1 class="pb-title"/)[0], index.positionAt(variant.text.indexOf('# Foundry')).line);
    });
  }

  for (const variant of lineEndingVariants(read(path.join(repoRoot, 'examples', 'mistakes', 'unknown-issuing-body.md')))) {
    it(`marks each finding on the smallest block that holds it (${variant.name})`, () => {
      const findings: PreviewFinding[] = checkBrief(variant.text, config()).findings.map((f) => ({
        start: f.range.start.offset, end: f.range.end.offset, severity: f.severity, message: f.message, ruleId: f.ruleId,
      }));
      assert.ok(findings.length >= 3);
      const { html } = renderBriefHtml(variant.text, config(), findings);
      const marked = [...html.matchAll(/<li data-line="(\d+)" class="pb-has-finding pb-has-warning"><span class="pb-marker pb-marker-warning" data-severity="warning" title="([^"]*)"/g)];
      const decode = (value: string) => value.replace(/&#x27;/g, "'");
      assert.deepEqual(marked.map((m) => [Number(m[1]), decode(m[2])]), [
        [22, "Unknown issuing body 'MITT'. Did you mean MIIT? Add it to the team catalogue if it is right. (issuing-body.unknown)"],
        [36, "'SIPO' is another abbreviation of China National Intellectual Property Administration; write 'CNIPA'. (issuing-body.non-canonical)"],
        [36, "Unknown issuing body 'XYZB'. Add it to the team catalogue if it is right. (issuing-body.unknown)"],
      ]);
    });
  }

  it('puts findings outside any rendered block (front matter) in a list at the top', () => {
    const text = '---\npolicy-brief: [broken\n---\n\n# Title\n\n## 1. Topic\n';
    const { html } = renderBriefHtml(text, config(), [{ start: 4, end: 10, severity: 'error', message: 'Bad YAML', ruleId: 'front-matter.invalid-yaml' }]);
    assert.match(html, /^<article class="pb-brief"><div class="pb-findings-outside" role="note"><ul><li data-line="1"><span class="pb-marker pb-marker-error"[^>]*>✖<\/span> Bad YAML \(front-matter\.invalid-yaml\)<\/li><\/ul><\/div>/);
  });

  it('drops images unless the host maps them, and never keeps a remote source', () => {
    const text = '# T\n\n![local](img/chart.png) ![remote](https://example.com/x.png)\n\n## 1. Topic\n';
    const dropped = renderBriefHtml(text, config()).html;
    assert.doesNotMatch(dropped, /<img/);
    assert.match(dropped, /<span class="pb-image-dropped" title="img\/chart\.png">local<\/span>/);
    const mapped = renderBriefHtml(text, config(), [], { resolveImage: (src) => (src.startsWith('img/') ? `https://file+.vscode-resource.vscode-cdn.net/ws/${src}` : undefined) }).html;
    assert.match(mapped, /<img src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ws\/img\/chart\.png" alt="local">/);
    assert.match(mapped, /<span class="pb-image-dropped" title="https:\/\/example\.com\/x\.png">remote<\/span>/);
  });

  it('removes scripts, raw HTML, event handlers and javascript:/data: links', () => {
    const text = [
      '# T <script>alert(1)</script>', '', '<script>alert(2)</script>', '', '<div onclick="alert(3)">raw</div>', '',
      '## 1. [x](javascript:alert(4)) topic', '', '**At a glance:** <img src=x onerror=alert(5)> [d](data:text/html,hi) [v](vbscript:x) [ok](https://example.org/) [rel](other.md#L3):', '',
      '- point', '', 'Article: T (标题) ([Link](javascript:alert(6)))', 'Issuing bodies: MIIT', 'Date: April 14, 2023', '',
    ].join('\n');
    const { html } = renderBriefHtml(text, config());
    const markup = html.replace(/="[^"]*"/g, '=""').replace(/>[^<]*</g, '><');
    assert.doesNotMatch(markup, /<(script|img|div onclick|iframe)/i);
    assert.doesNotMatch(markup, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i);
    assert.match(html, /<a href="https:\/\/example\.org\/">ok<\/a>/);
    assert.match(html, /<a href="other\.md#L3">rel<\/a>/, 'relative links stay (the webview routes them to the editor)');
    assert.match(html, /<a class="pb-citation-link">T<\/a>/);
  });

  it('never throws and never emits a script, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('#', '#', ' ', '\n', '\r\n', '1', '.', '*', '-', ':', '(', ')', '[', ']', '<', '>', 'script', 'Article', 'Issuing bodies', 'Date', '**At a glance:**', '中', '\uFEFF', '`', '---') , maxLength: 80 }), (text) => {
        const { html } = renderBriefHtml(text, config(), [{ start: 0, end: 1, severity: 'hint', message: 'm' }]);
        assert.doesNotMatch(html.replace(/="[^"]*"/g, '=""').replace(/>[^<]*</g, '><'), /<script/i);
      }),
      { numRuns: 300 },
    );
  });

  it('dates in <time> as the check reads them: month precision as a month, a year-less date in the issue year', () => {
    const publication = (name: string) => loadConfig(path.join(repoRoot, 'examples', 'publications', name, '.policy-brief')).config;
    const tracker = fs.readdirSync(path.join(repoRoot, 'examples', 'publications', 'policy-tracker')).find((f) => f.endsWith('.md'))!;
    const { html } = renderBriefHtml(read(path.join(repoRoot, 'examples', 'publications', 'policy-tracker', tracker)), publication('policy-tracker'));
    const times = [...html.matchAll(/<time datetime="([^"]*)">([^<]*)<\/time>/g)];
    assert.ok(times.length > 0, 'the issuer-month lines render their dates');
    for (const [, dateTime, written] of times) assert.equal(dateTime, `${written.slice(3)}-${written.slice(0, 2)}`, `${written} is a month`);
    const yearless = { ...config(), schema: { ...config().schema, topic: { ...config().schema.topic, citation: { ...config().schema.topic.citation, dateFormat: 'd MMMM' } } } };
    const brief = '---\ndate: 2025-03-10\n---\n\n# Weekly\n\n## 1. Robots\n\n**At a glance:** Text.\n\nArticle: Robot Rules (机器人办法)\nIssuing bodies: MIIT\nDate: 26 August\n';
    assert.match(renderBriefHtml(brief, yearless).html, /<time datetime="2024-08-26">26 August<\/time>/);
  });
});
