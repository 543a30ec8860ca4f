// CSS of the reader view: one sheet for the overlay's shadow root and the reader page.
// Everything is scoped under .vr-root; themes are data-theme values, typography comes from
// the CSS variables set by applySettings(); @media print prints the clean article only.

import { ENTITY_TYPES, typeInfo } from '../core/entity-types';

/** One rule pair per type of the table (core/entity-types.ts): marks and legend swatches. */
function entityRules(): string {
  let css = '';
  for (const type of ENTITY_TYPES) {
    const c = typeInfo(type).mark;
    css += `.vr-root[data-highlight="on"] mark.vr-ent-${type},.vr-root .vr-swatch-${type}{background:${c.light}}`;
    css += `.vr-root[data-theme="dark"][data-highlight="on"] mark.vr-ent-${type},.vr-root[data-theme="dark"] .vr-swatch-${type}{background:${c.dark}}`;
  }
  return css;
}

export const READER_CSS = `
.vr-root{
  --vr-bg:#ffffff;--vr-fg:#1b1b1b;--vr-muted:#5f6368;--vr-rule:#e2e2e2;--vr-accent:#b3122e;--vr-bar:#f7f7f7;
  --vr-serif:Georgia,"Noto Serif","DejaVu Serif","Times New Roman",serif;
  --vr-sans:system-ui,-apple-system,"Segoe UI","Noto Sans","DejaVu Sans",Arial,sans-serif;
  --vr-font:var(--vr-serif);
  background:var(--vr-bg);color:var(--vr-fg);
  font-family:var(--vr-font);font-size:var(--vr-font-size,19px);line-height:var(--vr-line-height,1.6);
  text-align:start;letter-spacing:normal;word-spacing:normal;text-transform:none;
  -webkit-text-size-adjust:100%;box-sizing:border-box;
}
.vr-root *,.vr-root *::before,.vr-root *::after{box-sizing:inherit}
.vr-root[data-font="sans"]{--vr-font:var(--vr-sans)}
.vr-root[data-theme="sepia"]{--vr-bg:#f4ecd8;--vr-fg:#3b2f20;--vr-muted:#6e5d45;--vr-rule:#dccfb0;--vr-accent:#8c2a10;--vr-bar:#ece1c6}
.vr-root[data-theme="dark"]{--vr-bg:#16181b;--vr-fg:#e6e6e6;--vr-muted:#a0a4a8;--vr-rule:#33363a;--vr-accent:#ff8a8a;--vr-bar:#1f2226;color-scheme:dark}
.vr-root a{color:var(--vr-accent)}
.vr-root :focus-visible{outline:2px solid var(--vr-accent);outline-offset:2px}

/* One row at 1,280 px in French and English (groups keep their controls together; only the
   width and spacing selects carry a visible label). Below that it wraps group by group. */
.vr-toolbar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:6px;align-items:center;
  padding:6px 12px;background:var(--vr-bar);border-bottom:1px solid var(--vr-rule);
  font:14px/1.3 var(--vr-sans);color:var(--vr-fg)}
.vr-toolbar .vr-group{display:flex;gap:3px;align-items:center;flex:none}
.vr-toolbar .vr-label{color:var(--vr-muted);margin-inline-end:2px}
.vr-toolbar .vr-value{min-width:2.8em;text-align:center;font-variant-numeric:tabular-nums}
.vr-toolbar button,.vr-toolbar select,.vr-toolbar a{font:inherit;color:var(--vr-fg);background:var(--vr-bg);border:1px solid var(--vr-rule);
  border-radius:6px;padding:4px 7px;min-height:30px;cursor:pointer;white-space:nowrap;flex:none}
.vr-toolbar a{display:inline-flex;align-items:center;text-decoration:none;color:var(--vr-accent)}
.vr-toolbar button[aria-pressed="true"]{border-color:var(--vr-accent);box-shadow:inset 0 0 0 1px var(--vr-accent)}
.vr-toolbar button:disabled{opacity:.5;cursor:default}
.vr-toolbar .vr-spacer{flex:1 1 0;min-width:0}
.vr-toolbar .vr-close{font-weight:600}
.vr-toolbar kbd{font:12px/1 var(--vr-sans);color:var(--vr-muted);border:1px solid var(--vr-rule);border-radius:4px;padding:1px 4px;margin-inline-start:2px}
.vr-toolbar .vr-speech-msg{flex:1 1 100%;order:99;color:var(--vr-accent);font-size:13px}
.vr-toolbar .vr-speech-msg[hidden]{display:none}
@media (max-width:600px){.vr-toolbar .vr-label,.vr-toolbar kbd{display:none}.vr-toolbar{padding:6px 8px;gap:6px}}
.vr-root .vr-speaking{background:color-mix(in srgb,var(--vr-accent) 12%,transparent);box-shadow:-6px 0 0 var(--vr-accent);border-radius:2px}

.vr-article{max-width:var(--vr-width,68ch);margin:0 auto;padding:28px 20px 64px}
.vr-site{font:600 13px/1.4 var(--vr-sans);letter-spacing:.04em;text-transform:uppercase;color:var(--vr-accent);margin:0 0 10px}
.vr-title{font-family:var(--vr-font);font-size:1.75em;line-height:1.22;margin:0 0 14px;font-weight:700}
.vr-meta{font:14px/1.5 var(--vr-sans);color:var(--vr-muted);margin:0 0 18px;display:flex;flex-wrap:wrap;gap:0 .9em}
.vr-lead{font-weight:600;font-size:1.06em;margin:0 0 1.2em}
.vr-body p{margin:0 0 1em}
.vr-body h2{font-size:1.2em;line-height:1.3;margin:1.6em 0 .6em}
.vr-figure{margin:1.4em 0}
.vr-figure img{display:block;max-width:100%;height:auto;margin:0 auto;background:var(--vr-rule);border-radius:3px}
.vr-figure img.vr-broken{display:none}
.vr-photo-missing{display:flex;align-items:center;justify-content:center;min-height:8em;padding:1em;border:2px dashed var(--vr-rule);
  border-radius:4px;background:var(--vr-bar);color:var(--vr-muted);font:14px/1.4 var(--vr-sans);text-align:center}
.vr-figure figcaption{font:14px/1.45 var(--vr-sans);color:var(--vr-muted);margin-top:6px;font-style:italic}
.vr-footer{border-top:1px solid var(--vr-rule);margin-top:2em;padding-top:1em;font:14px/1.5 var(--vr-sans);color:var(--vr-muted)}
.vr-tags{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0 0 .8em}
.vr-tags li{border:1px solid var(--vr-rule);border-radius:999px;padding:1px 10px}
.vr-source{word-break:break-all}

.vr-root mark.vr-ent{background:transparent;color:inherit;border-radius:2px;padding:0 1px}
.vr-root[data-highlight="on"] mark.vr-ent{cursor:default}
.vr-root mark.vr-ent.vr-focus{outline:2px solid var(--vr-accent);background:${typeInfo('PER').mark.light}}
.vr-legend{display:none;flex-wrap:wrap;gap:6px 14px;font:13px/1.4 var(--vr-sans);color:var(--vr-muted);margin:0 0 18px;padding:8px 10px;border:1px solid var(--vr-rule);border-radius:6px}
.vr-root[data-highlight="on"] .vr-legend{display:flex}
.vr-legend span.vr-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-1px;margin-inline-end:5px}
${entityRules()}

/* Read-later: highlights (colours readable in every theme), the selection bar and the note editor. */
.vr-root{position:relative}
.vr-root mark.vr-hl{color:inherit;border-radius:2px;padding:0;cursor:pointer}
.vr-root .vr-hl-yellow{background:#fff176}.vr-root .vr-hl-green{background:#b9f6ca}
.vr-root .vr-hl-blue{background:#b3e5fc}.vr-root .vr-hl-pink{background:#f8bbd0}
.vr-root[data-theme="dark"] .vr-hl-yellow{background:#6d5f00}.vr-root[data-theme="dark"] .vr-hl-green{background:#1f5c36}
.vr-root[data-theme="dark"] .vr-hl-blue{background:#1a4d6b}.vr-root[data-theme="dark"] .vr-hl-pink{background:#6b2440}
.vr-root mark.vr-hl-noted{text-decoration:underline dotted;text-underline-offset:3px}
.vr-hl-bar,.vr-hl-editor{position:fixed;left:50%;transform:translateX(-50%);bottom:18px;z-index:5;display:flex;gap:6px;align-items:center;
  padding:8px 10px;background:var(--vr-bar);color:var(--vr-fg);border:1px solid var(--vr-rule);border-radius:8px;
  box-shadow:0 4px 18px #0003;font:14px/1.3 var(--vr-sans)}
.vr-hl-bar[hidden],.vr-hl-editor[hidden]{display:none}
.vr-hl-editor{flex-direction:column;align-items:stretch;width:min(92vw,460px)}
.vr-hl-editor textarea{font:inherit;color:var(--vr-fg);background:var(--vr-bg);border:1px solid var(--vr-rule);border-radius:6px;padding:6px}
.vr-hl-quote{margin:0;padding-inline-start:10px;border-inline-start:3px solid var(--vr-accent);color:var(--vr-muted);font-style:italic}
.vr-hl-colours,.vr-hl-actions{display:flex;gap:6px;flex-wrap:wrap}
.vr-hl-bar button,.vr-hl-editor button{font:inherit;color:var(--vr-fg);background:var(--vr-bg);border:1px solid var(--vr-rule);border-radius:6px;padding:4px 9px;min-height:30px;cursor:pointer}
.vr-root button.vr-hl-swatch{width:30px;padding:0;border:2px solid var(--vr-rule)}
.vr-root button.vr-hl-swatch[aria-pressed="true"]{border-color:var(--vr-fg)}
/* Same box as .vr-article (its ch are the reader font's), controls in the toolbar's font. */
.vr-rl-bar{max-width:var(--vr-width,68ch);margin:14px auto 0;padding:0 20px;display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;color:var(--vr-fg)}
.vr-rl-bar>*{font:14px/1.3 var(--vr-sans)}
.vr-rl-bar .vr-label{color:var(--vr-muted);margin-inline-end:4px}
.vr-rl-bar button{font:14px/1.3 var(--vr-sans);color:var(--vr-fg);background:var(--vr-bg);border:1px solid var(--vr-rule);border-radius:6px;padding:4px 9px;min-height:30px;cursor:pointer}
.vr-rl-bar button[aria-pressed="true"]{border-color:var(--vr-accent);box-shadow:inset 0 0 0 1px var(--vr-accent)}
.vr-hl-danger{border-color:#b3261e!important;color:#b3261e!important}

.vr-message{max-width:60ch;margin:15vh auto;padding:0 20px;font:16px/1.5 var(--vr-sans)}

@media print{
  .vr-root{background:#fff!important;color:#000!important;font-size:12pt}
  .vr-toolbar,.vr-legend,.vr-noprint{display:none!important}
  .vr-article{max-width:none;padding:0}
  .vr-root mark.vr-ent{background:transparent!important;outline:none!important}
  .vr-figure{break-inside:avoid}
  .vr-source::after{content:" (" attr(href) ")"}
  .vr-root a{color:#000;text-decoration:none}
}
`;

/** Extra rules for the overlay's shadow root: the root is a full-viewport scrolling layer. */
export const OVERLAY_SHADOW_CSS = `
/* Pinned with !important in the shadow tree: for important rules the inner (shadow) context
   wins over the page, so no page stylesheet can hide, shrink, move or cover the reader. */
:host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;width:auto!important;height:auto!important;
  z-index:2147483647!important;visibility:visible!important;opacity:1!important;pointer-events:auto!important}
@media print{:host{position:static!important}}
.vr-root{position:fixed;inset:0;overflow:auto;overscroll-behavior:contain;outline:none}
@media print{.vr-root{position:static;overflow:visible;height:auto}}
`;

/**
 * Rules that must live in the page's own tree (in a <style> kept inside our host element, so
 * removing the host removes them): page scroll locked while open, and print shows only the
 * reader. !important and an attribute selector on html's child keep ordinary page CSS off it.
 */
export const OVERLAY_PAGE_CSS = `
html{overflow:hidden!important}
html>[data-vna-reader]{display:block!important;position:fixed!important;inset:0!important;width:auto!important;height:auto!important;
  z-index:2147483647!important;margin:0!important;padding:0!important;border:0!important;transform:none!important;
  opacity:1!important;visibility:visible!important;clip-path:none!important;filter:none!important}
@media print{
  html{overflow:visible!important}
  html>body{display:none!important}
  html>[data-vna-reader]{position:static!important}
}
`;
