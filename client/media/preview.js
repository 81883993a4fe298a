// @ts-check
// Script of the Policy Brief preview webview. Loaded with a CSP nonce; it never evaluates
// content from the brief. Jobs: replace the rendered brief on updates, scroll sync both ways
// through `data-line` attributes, and route every link click to the extension (which opens
// URLs with the system browser and files in the editor) instead of navigating the webview.
(function () {
  'use strict';
  /** @type {{ postMessage(msg: unknown): void; getState(): any; setState(s: unknown): void }} */
  const vscode = typeof acquireVsCodeApi === 'function'
    // eslint-disable-next-line no-undef
    ? acquireVsCodeApi()
    : { postMessage() {}, getState() { return undefined; }, setState() {} };
  const root = document.getElementById('pb-root');
  let version = Number(document.body.dataset.version || 0);
  /** Scroll position we scrolled to ourselves: the scroll event it causes is not reported back. */
  let ownScrollY;

  function linedElements() {
    /** @type {{ el: HTMLElement; line: number }[]} */
    const out = [];
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-line]'))) {
      const line = Number(el.dataset.line);
      if (Number.isFinite(line)) out.push({ el, line });
    }
    return out;
  }

  function top(el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  /** Scrolls so that source `line` is at the top, interpolating between rendered blocks. */
  function scrollToLine(line) {
    const blocks = linedElements();
    if (!blocks.length) return;
    let previous = blocks[0];
    let next;
    for (const block of blocks) {
      if (block.line <= line) previous = block;
      else { next = block; break; }
    }
    let y = top(previous.el);
    if (next && next.line > previous.line) {
      const fraction = Math.min(1, Math.max(0, (line - previous.line) / (next.line - previous.line)));
      y += fraction * (top(next.el) - y);
    }
    const maxY = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    const target = Math.round(Math.min(maxY, Math.max(0, y - 8)));
    if (Math.abs(target - window.scrollY) < 1) return;
    ownScrollY = target;
    window.scrollTo(0, target);
  }

  /** The source line shown at the top of the preview. */
  function lineAtTop() {
    const blocks = linedElements();
    const y = window.scrollY + 8;
    let previous;
    let next;
    for (const block of blocks) {
      if (top(block.el) <= y) previous = block;
      else { next = block; break; }
    }
    if (!previous) return next ? next.line : 0;
    if (!next || next.line <= previous.line) return previous.line;
    const previousTop = top(previous.el);
    const span = top(next.el) - previousTop;
    const fraction = span > 0 ? (y - previousTop) / span : 0;
    return Math.floor(previous.line + fraction * (next.line - previous.line));
  }

  function reportRendered() {
    vscode.postMessage({
      type: 'rendered',
      version,
      topics: document.querySelectorAll('.pb-topic').length,
      markers: document.querySelectorAll('.pb-marker').length,
      citations: document.querySelectorAll('.pb-citation').length,
      // What VS Code will hand to the extension's serializer after a window reload.
      state: vscode.getState(),
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'render' && root) {
      root.innerHTML = message.html; // sanitized by the extension (renderBriefHtml)
      version = message.version;
      if (typeof message.line === 'number') scrollToLine(message.line);
      reportRendered();
    } else if (message.type === 'scrollToLine') {
      scrollToLine(message.line);
      vscode.setState({ line: message.line, uri: document.body.dataset.uri });
    }
  });

  let scrollPending = false;
  window.addEventListener('scroll', () => {
    if (ownScrollY !== undefined) {
      const ours = Math.abs(window.scrollY - ownScrollY) <= 2;
      ownScrollY = undefined;
      if (ours) return;
    }
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      const line = lineAtTop();
      vscode.setState({ line, uri: document.body.dataset.uri });
      vscode.postMessage({ type: 'revealLine', line });
    });
  }, { passive: true });

  // Links: in-page anchors scroll here; everything else goes through the extension.
  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    const link = target && target.closest('a[href]');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') || '';
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1));
      const element = document.getElementById(id) || document.getElementById(`pb-${id}`);
      if (element) element.scrollIntoView();
      return;
    }
    vscode.postMessage({ type: 'openLink', href });
  }, true);

  // Double-click: show that source line in the editor.
  document.addEventListener('dblclick', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (target instanceof HTMLElement) vscode.postMessage({ type: 'openLine', line: Number(target.dataset.line) });
  });

  const state = vscode.getState();
  // The document's URI in the state: the extension's serializer reopens the preview after a reload.
  if (document.body.dataset.uri) vscode.setState({ ...(state || {}), uri: document.body.dataset.uri });
  if (state && typeof state.line === 'number') scrollToLine(state.line);
  else if (document.body.dataset.line) scrollToLine(Number(document.body.dataset.line));
  vscode.postMessage({ type: 'ready', version });
  reportRendered();
})();
