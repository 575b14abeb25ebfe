/** The stylesheet shared by the service's HTML pages: inline, so no page needs an outside asset. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --hl: #fff4c2; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d; --accent: #6cb6ff; --hl: #3d3200; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.75rem; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { background: color-mix(in srgb, var(--line) 35%, transparent); }
.version, .summary { color: var(--muted); }
.op { border-top: 1px solid var(--line); padding-top: 0.5rem; }
.method { display: inline-block; min-width: 4.5rem; font-size: 0.8em; padding: 0.1rem 0.4rem; border-radius: 4px; border: 1px solid var(--line); }
.method.get { background: color-mix(in srgb, #2da44e 25%, transparent); }
.method.post { background: color-mix(in srgb, #0969da 25%, transparent); }
.differs { background: var(--hl); }
`;
