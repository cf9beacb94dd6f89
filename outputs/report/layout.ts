import { html, raw, type SafeHtml } from './escape';

/**
 * The page shell: one HTML document with its own styles. No scripts, fonts, images or links to
 * other files; the CSP meta forbids any fetch, so the file works offline and a stray URL in the
 * data cannot load anything.
 */

const CSS = `
:root{--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--panel:#f9fafb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header.top{background:#111827;color:#f9fafb;padding:16px 24px}
header.top h1{margin:0;font-size:20px}
header.top .meta{color:#d1d5db;font-size:13px;margin-top:4px}
nav{position:sticky;top:0;z-index:1;background:#1f2937;padding:6px 24px;font-size:13px}
nav a{color:#e5e7eb;margin-right:16px;text-decoration:none}
nav a:hover{text-decoration:underline}
main{max-width:1280px;margin:0 auto;padding:8px 24px 48px}
section{margin-top:28px}
h2{font-size:18px;border-bottom:2px solid var(--line);padding-bottom:4px;margin:0 0 12px}
h3{font-size:15px;margin:16px 0 8px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:150px}
.card .big{font-size:24px;font-weight:600}
.card .small{color:var(--muted);font-size:12px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:20px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.nowrap{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}
.badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.st-fail{background:#dc2626}.st-unknown{background:#d97706}.st-pass{background:#16a34a}
.st-not_applicable,.st-not_checked{background:#9ca3af}.st-manual{background:#6366f1}
.st-muted,.st-entry-active{background:#4b5563}.st-expired,.st-entry-expired{background:#9333ea}.st-entry-unused{background:#9ca3af}
p.mute{background:#f3f4f6;border-left:3px solid #4b5563;padding:4px 8px}
.sev-critical{background:#7f1d1d}.sev-high{background:#dc2626}.sev-medium{background:#ea580c}
.sev-low{background:#ca8a04}.sev-informational{background:#6b7280}
.n-fail{color:#b91c1c;font-weight:600}.n-unknown{color:#b45309}.n-pass{color:#15803d}.n-not_applicable{color:var(--muted)}
td.cell-fail{background:#fef2f2}td.cell-unknown{background:#fffbeb}td.cell-pass{background:#f0fdf4}td.cell-not_applicable{background:var(--panel)}
details{border:1px solid var(--line);border-radius:6px;margin:6px 0;background:var(--bg)}
details>summary{cursor:pointer;padding:6px 10px;list-style-position:inside}
details[open]>summary{border-bottom:1px solid var(--line);background:var(--panel)}
details .body{padding:8px 12px}
details.cluster>summary{font-weight:600;font-size:15px}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--panel);border:1px solid var(--line);padding:6px 8px;white-space:pre-wrap;word-break:break-word;margin:4px 0}
td code{word-break:break-all}
svg.chart{display:block;max-width:100%;height:auto}
svg .lbl{font-size:12px;fill:#374151}svg .val{font-size:12px;fill:#111827}
.note{font-size:12px;color:var(--muted)}
`;

export interface NavItem {
  id: string;
  label: string;
}

/** The page around its body: everything before it and everything after it. */
export function pageParts(
  title: string,
  meta: SafeHtml,
  nav: readonly NavItem[],
): { before: string; after: string } {
  const before = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top"><h1>${title}</h1><div class="meta">${meta}</div></header>
<nav>${nav.map((n) => html`<a href="#${n.id}">${n.label}</a>`)}</nav>
<main>
`;
  return { before: before.value, after: '\n</main>\n</body>\n</html>\n' };
}

export function page(
  title: string,
  meta: SafeHtml,
  nav: readonly NavItem[],
  body: SafeHtml,
): string {
  const { before, after } = pageParts(title, meta, nav);
  return before + body.value + after;
}
