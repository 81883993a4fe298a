/**
 * The HTML page of the preview webview (no VS Code API here, so the browser test builds the
 * very same page): a strict Content-Security-Policy, the stylesheet, the rendered brief and
 * the nonce'd script.
 */

/** What the page needs from its host. */
export interface PreviewPageOptions {
  /** The webview's `cspSource` (VS Code) or the origin that serves the CSS/JS (tests). */
  cspSource: string;
  /** URL of `client/media/preview.css`. */
  styleHref: string;
  /** URL of `client/media/preview.js`; omitted = no script. */
  scriptHref?: string;
  /** Random nonce for the script (base64/hex, at least 128 bits). */
  nonce: string;
  /** Sanitized HTML of the brief (from `renderBriefHtml`). */
  bodyHtml: string;
  /** Page title (escaped here). */
  title: string;
  /** Render version, read by the script. */
  version?: number;
  /** Source line to show first. */
  line?: number;
  /** URI of the previewed document, kept in the webview state so the preview comes back after a window reload. */
  documentUri?: string;
}

/** Escapes text for an HTML attribute value or text node. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The Content-Security-Policy of the preview: nothing by default, styles and images only from
 * the webview's own resources, scripts only with the nonce.
 */
export function previewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
}

/** The complete page. */
export function previewPageHtml(options: PreviewPageOptions): string {
  const { cspSource, styleHref, scriptHref, nonce, bodyHtml, title } = options;
  const script = scriptHref ? `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptHref)}"></script>` : '';
  const lineAttribute = (options.line !== undefined ? ` data-line="${options.line}"` : '') + (options.documentUri ? ` data-uri="${escapeHtml(options.documentUri)}"` : '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(styleHref)}">
<title>${escapeHtml(title)}</title>
</head>
<body data-version="${options.version ?? 0}"${lineAttribute}>
<main id="pb-root">${bodyHtml}</main>
${script}
</body>
</html>`;
}
