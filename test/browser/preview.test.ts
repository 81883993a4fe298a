/// <reference lib="dom" />
/**
 * The brief preview in a real browser (Debian Chromium through playwright-core): the page the
 * VS Code webview shows — same shell (`previewPageHtml`, strict CSP), same CSS and script from
 * client/media, HTML from `renderBriefHtml` — with VS Code's theme variables stood in by
 * test/browser/theme-*.css. Screenshots go to $POLICY_BRIEF_SCREENSHOT_DIR (default: a temp dir).
 *
 * Skips only when Chromium is missing and CI is unset; with CI set, a missing Chromium fails.
 *   npx mocha test/browser/preview.test.ts
 */
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderBriefHtml, type PreviewFinding } from '../../server/core/src/features/preview';
import { checkBrief } from '../../server/core/src/index';
import { previewPageHtml } from '../../client/src/preview/previewPage';
import { defaultConfig, read, repoRoot } from '../support/config';

const CHROMIUM = process.env.POLICY_BRIEF_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Message = { type: string; [key: string]: unknown };
declare global {
  interface Window { __pbMessages: Message[]; pwned?: (what: string) => void }
}

/** Serves a fixed set of files on 127.0.0.1 (the "webview resources"). */
class StaticServer {
  readonly files = new Map<string, { type: string; body: string | Buffer }>();
  private server?: http.Server;
  base = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const file = this.files.get((req.url ?? '/').split('?')[0]);
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.type }).end(file.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Findings of the real checker, as preview findings. */
function findingsOf(text: string): PreviewFinding[] {
  return checkBrief(text, defaultConfig().config).findings.map((f) => ({
    start: f.range.start.offset, end: f.range.end.offset, severity: f.severity, message: f.message, ruleId: f.ruleId,
  }));
}

describe('Brief preview in Chromium', function () {
  this.timeout(90_000);
  const server = new StaticServer();
  let context: BrowserContext;
  let profile: string;
  let pageCount = 0;
  const screenshotDir = process.env.POLICY_BRIEF_SCREENSHOT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-preview-shots-'));

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium); CI is set, so this is a failure`);
      this.skip();
    }
    const media = path.join(repoRoot, 'client', 'media');
    server.files.set('/preview.css', { type: 'text/css', body: fs.readFileSync(path.join(media, 'preview.css')) });
    server.files.set('/preview.js', { type: 'text/javascript', body: fs.readFileSync(path.join(media, 'preview.js')) });
    for (const theme of ['light', 'dark']) server.files.set(`/theme-${theme}.css`, { type: 'text/css', body: fs.readFileSync(path.join(__dirname, `theme-${theme}.css`)) });
    await server.start();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 900, height: 1000 } });
    // Functions passed to page.evaluate are compiled by tsx (esbuild keepNames), which wraps them in `__name(…)`.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  });

  after(async () => {
    await context?.close();
    await server.stop();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  /**
   * Opens the preview page of `bodyHtml` as the webview would show it, with a stand-in for
   * `acquireVsCodeApi` that records the script's messages. Returns once the script reported.
   */
  const DOCUMENT_URI = 'file:///work/briefs/issue%2012.md';

  async function openPreview(bodyHtml: string, theme: 'light' | 'dark'): Promise<{ page: Page; csp: string[]; requests: string[] }> {
    const name = `/page-${++pageCount}.html`;
    server.files.set(name, {
      type: 'text/html',
      body: previewPageHtml({
        cspSource: server.base, styleHref: `${server.base}/preview.css`, scriptHref: `${server.base}/preview.js`,
        nonce: crypto.randomBytes(16).toString('base64'), bodyHtml, title: 'Preview', version: 1, documentUri: DOCUMENT_URI,
      }),
    });
    const page = await context.newPage();
    const csp: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) csp.push(m.text()); });
    page.on('request', (r) => requests.push(r.url()));
    // Stand-in for the webview API (a string: functions compiled by tsx would need its helpers).
    await page.addInitScript({
      content: `window.__pbMessages = [];
        window.__pbState = undefined;
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__pbMessages.push(m), getState: () => window.__pbState, setState: (s) => { window.__pbState = s; } });`,
    });
    await page.goto(server.base + name);
    // VS Code injects the theme's variables and body class; do the same (a same-origin stylesheet, allowed by the CSP).
    await page.addStyleTag({ url: `${server.base}/theme-${theme}.css` });
    await page.evaluate((t) => document.body.classList.add(`vscode-${t}`), theme);
    await page.waitForFunction(() => window.__pbMessages.some((m) => m.type === 'rendered'));
    return { page, csp, requests };
  }

  const messages = (page: Page) => page.evaluate(() => window.__pbMessages);

  it('keeps the document URI in the webview state, for the serializer that restores the preview after a window reload', async () => {
    const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
    const { page } = await openPreview(renderBriefHtml(text, defaultConfig().config).html, 'light');
    assert.equal(await page.evaluate(() => (window as unknown as { __pbState?: { uri?: string } }).__pbState?.uri), DOCUMENT_URI);
    // Its render report carries that state to the extension (the e2e test of the restore reads it there).
    const rendered = (await messages(page)).find((m) => m.type === 'rendered');
    assert.equal((rendered?.state as { uri?: string } | undefined)?.uri, DOCUMENT_URI);
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForFunction(() => typeof (window as unknown as { __pbState?: { line?: number } }).__pbState?.line === 'number');
    assert.equal(await page.evaluate(() => (window as unknown as { __pbState?: { uri?: string } }).__pbState?.uri), DOCUMENT_URI);
    await page.close();
  });

  it('renders the example brief as a newsletter under the strict CSP (light and dark screenshots)', async () => {
    const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
    const { html, topics } = renderBriefHtml(text, defaultConfig().config);
    assert.equal(topics.length, 5);
    for (const theme of ['light', 'dark'] as const) {
      const { page, csp, requests } = await openPreview(html, theme);
      assert.deepEqual(csp, [], 'the page itself causes no CSP violation');
      assert.ok(requests.every((url) => url.startsWith(server.base)), `only webview resources are loaded: ${requests.join(', ')}`);
      assert.equal(await page.locator('h1.pb-title').textContent(), 'Foundry and forging + Generative AI + Robot applications');
      assert.equal(await page.locator('section.pb-topic').count(), 5);
      assert.equal(await page.locator('.pb-topics-list a.pb-topic-link').count(), 5);
      assert.equal(await page.locator('aside.pb-part--summary').count(), 5);
      assert.equal(await page.locator('.pb-part--commentary').count(), 5);
      assert.equal(await page.locator('.pb-citation').count(), 5);
      // CSS and theme variables are applied: the summary box has the theme's quote background.
      const expected = theme === 'light' ? 'rgb(242, 246, 251)' : 'rgb(43, 43, 43)';
      assert.equal(await page.locator('aside.pb-part--summary').first().evaluate((el) => getComputedStyle(el).backgroundColor), expected);
      // Issuing bodies are expanded, the Chinese name is the tooltip.
      const miit = page.locator('.pb-citation').first().locator('.pb-body').first();
      assert.equal(await miit.getAttribute('title'), '中华人民共和国工业和信息化部');
      assert.match((await miit.textContent()) ?? '', /^Ministry of Industry and Information Technology \(MIIT\)$/);
      // The script reported what it shows.
      const rendered = (await messages(page)).find((m) => m.type === 'rendered');
      assert.deepEqual({ topics: rendered?.topics, citations: rendered?.citations }, { topics: 5, citations: 5 });
      const shot = path.join(screenshotDir, `preview-${theme}.png`);
      await page.screenshot({ path: shot, fullPage: false });
      assert.ok(fs.statSync(shot).size > 10_000, 'screenshot written');
      await page.close();
    }
  });

  it('marks the checker\'s findings in place', async () => {
    const text = read(path.join(repoRoot, 'examples', 'mistakes', 'unknown-issuing-body.md'));
    const findings = findingsOf(text);
    assert.ok(findings.length >= 3);
    const { html } = renderBriefHtml(text, defaultConfig().config, findings);
    const { page } = await openPreview(html, 'light');
    const marked = page.locator('.pb-bodies li.pb-has-warning');
    assert.deepEqual(await marked.locator('.pb-body').allTextContents(), ['MITT', 'SIPO', 'XYZB'].map((name) => (name === 'SIPO' ? 'China National Intellectual Property Administration (SIPO)' : name)));
    assert.match((await marked.first().locator('.pb-marker').getAttribute('title')) ?? '', /Unknown issuing body 'MITT'.*\(issuing-body\.unknown\)/);
    await page.evaluate(() => document.querySelector('.pb-citation')!.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(screenshotDir, 'preview-findings.png') });
    await page.close();
  });

  it('routes link clicks to the extension and syncs scrolling both ways', async () => {
    const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
    const { html, topics } = renderBriefHtml(text, defaultConfig().config);
    const { page } = await openPreview(html, 'light');
    const before = page.url();
    // An external link: no navigation, a message to the extension instead.
    await page.locator('a.pb-citation-link').first().click();
    const open = (await messages(page)).find((m) => m.type === 'openLink');
    assert.match(String(open?.href), /^https:\/\/www\.miit\.gov\.cn\//);
    assert.equal(page.url(), before);
    // Editor → preview: the extension posts the editor's top line; topic 3 comes to the top.
    await page.evaluate((line) => window.postMessage({ type: 'scrollToLine', line }, '*'), topics[2].line);
    await page.waitForFunction(() => Math.abs(document.getElementById('pb-topic-3')!.getBoundingClientRect().top) < 20);
    // Preview → editor: the user scrolls to topic 4; the script reports its line.
    await page.evaluate(() => { window.__pbMessages.length = 0; });
    await page.evaluate(() => document.getElementById('pb-topic-4')!.scrollIntoView());
    await page.waitForFunction(() => window.__pbMessages.some((m) => m.type === 'revealLine'));
    const reveal = (await messages(page)).filter((m) => m.type === 'revealLine').pop();
    assert.ok(Math.abs(Number(reveal?.line) - topics[3].line) <= 1, `revealLine ${reveal?.line}, topic 4 is on line ${topics[3].line}`);
    // In-page topic links scroll without asking the extension.
    await page.evaluate(() => { window.__pbMessages.length = 0; window.scrollTo(0, 0); });
    await page.locator('a.pb-topic-link').nth(1).click();
    await page.waitForFunction(() => Math.abs(document.getElementById('pb-topic-2')!.getBoundingClientRect().top) < 20);
    assert.ok(!(await messages(page)).some((m) => m.type === 'openLink'));
    await page.close();
  });

  it('a hostile brief executes nothing, even in a page without CSP', async () => {
    const hostile = [
      '---', 'policy-brief: china-industries', '---', '',
      '# Hostile <script>pwned("title")</script>', '',
      '<script>pwned("script block")</script>', '',
      '<img src="x" onerror="pwned(\'img onerror\')">', '',
      '<svg onload="pwned(\'svg\')"></svg><iframe src="javascript:pwned(\'iframe\')"></iframe>', '',
      '## 1. Topic with [a link](javascript:pwned(\'link\')) in the headline', '',
      '**At a glance:** <a href="javascript:pwned(\'raw a\')">raw</a>, <javascript:pwned(\'autolink\')>, [data](data:text/html,<script>pwned()</script>) and ![remote](https://example.com/t.png) and <b onclick="pwned(\'b\')">bold</b>:', '',
      '- [Click me](javascript:alert(1))', '- Second point', '',
      '**MERICS comment:** Nothing runs.', '',
      'Article: A Title (某某办法) ([Link](javascript:pwned(\'citation\')))',
      'Issuing bodies: <img src=x onerror=pwned("bodies")>',
      'Date: April 14, 2023', '',
    ].join('\n');
    const { html } = renderBriefHtml(hostile, defaultConfig().config);
    // Text that looks like markup may remain as escaped text or inside a (quoted) tooltip, never as markup.
    const markup = html.replace(/="[^"]*"/g, '=""').replace(/>[^<]*</g, '><');
    assert.doesNotMatch(markup, /<(script|iframe|svg|img|object|embed|style|link|meta)\b/i);
    assert.doesNotMatch(markup, /\s(on[a-z]+|style|src)=/i, 'no event-handler, style or src attributes');
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i);

    const page = await context.newPage();
    const calls: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    await page.exposeFunction('pwned', (what: string) => calls.push(what));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
    await page.setContent(`<!DOCTYPE html><html><body>${html}</body></html>`, { waitUntil: 'load' });
    const dangerous = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        if (/^(script|iframe|svg|img|object|embed|style|link|meta|form|input|button)$/i.test(element.tagName)) found.push(element.tagName);
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'src') found.push(`${element.tagName}[${attribute.name}]`);
          if (attribute.name === 'href' && !/^(https?:|mailto:|#)/i.test(attribute.value)) found.push(`href=${attribute.value}`);
        }
      }
      return found;
    });
    assert.deepEqual(dangerous, [], 'the DOM of the sanitized HTML has no active content');
    // Click everything (links included): any surviving handler or javascript: URL would fire.
    await page.locator('body *').evaluateAll((elements) => elements.forEach((e) => (e as HTMLElement).click()));
    // Anything that would run has had its chance: a round trip through the page's own task queue.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    assert.deepEqual(calls, [], 'no payload ran');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(requests, [], 'nothing was loaded');
    await page.close();
  });
});
