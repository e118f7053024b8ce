// The timeline webview's HTML: a strict Content-Security-Policy (nothing from the network, no inline code; the
// one script and the stylesheet come from the extension, the script only with this page's nonce). Pure.

export interface TimelinePage {
  /** `webview.cspSource`: the origin VS Code serves the extension's files from. */
  cspSource: string;
  /** A fresh random token per page. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** The policy the page declares; exported so that a test can check it allows nothing else. */
export function contentSecurityPolicy(page: Pick<TimelinePage, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
    `font-src ${page.cspSource}`,
    "img-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function timelineHtml(page: TimelinePage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(page))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
<title>yieldlens trace timeline</title>
</head>
<body>
<header id="header" class="header"></header>
<main id="timeline" class="timeline" aria-label="Generator timeline"><p class="placeholder">Waiting for the trace…</p></main>
<section id="footer" class="footer"></section>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${escapeAttribute(page.nonce)}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>
`;
}

/** 32 random alphanumeric characters from a cryptographic source. */
export function createNonce(randomBytes: (size: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
