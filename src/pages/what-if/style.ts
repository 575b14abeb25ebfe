/** Rules for the what-if pages only, on top of the shared stylesheet (a constant, never data). */
export const WHAT_IF_STYLE = `
.wi-form input[type=text], .wi-form input[type=url], .wi-form input[type=date], .wi-form input[type=password], .wi-form textarea, .wi-form select { font: inherit; padding: 0.4rem 0.55rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); color: var(--fg); max-width: 100%; }
.wi-form textarea { width: 100%; min-height: 4.5rem; }
.wi-form .wide { width: min(100%, 40rem); }
.wi-form .share { width: 7rem; }
.wi-field { margin: 0.7rem 0; }
.wi-field > label, .wi-label { display: block; font-weight: 600; margin-bottom: 0.2rem; }
.wi-row { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: flex-start; }
.wi-row .wi-field { margin: 0.3rem 0; }
.field-error { color: var(--err-line); font-weight: 600; margin: 0.2rem 0; }
[aria-invalid=true] { border-color: var(--err-line) !important; border-width: 2px !important; }
.wi-checks { list-style: none; padding: 0; margin: 0.3rem 0; display: grid; gap: 0.3rem; }
.wi-checks li { display: flex; gap: 0.5rem; align-items: flex-start; }
.wi-checks input { margin-top: 0.3rem; flex: none; }
.side-by-side { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr)); align-items: start; }
.side-by-side > section { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.9rem; min-width: 0; }
.side-by-side > section > h2 { border: 0; margin-top: 0.2rem; }
.secret { border: 2px solid var(--accent); border-radius: 6px; padding: 0.7rem 1rem; margin: 1rem 0; background: var(--card); }
.secret code { word-break: break-all; }
.ok { border: 2px solid #2da44e; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
button.danger { background: var(--err-line); color: var(--bg); border-color: var(--err-line); font-weight: 600; padding: 0.55rem 1.4rem; cursor: pointer; }
a.button { text-decoration: none; display: inline-block; }
`;
