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

/** Extra rules for the catalogue and comparison pages (scenario picker, matrices, charts). */
export const APP_PAGE_STYLE = `
:root { --bar: #34428a; --bar-track: #e6e9f0; --mark: #b4400a; --err-bg: #fff0f0; --err-line: #cf222e; --card: #f6f8fa; --hl-row: #fffae0; }
@media (prefers-color-scheme: dark) { :root { --bar: #8ea1ff; --bar-track: #232a35; --mark: #ff9e64; --err-bg: #2d1214; --err-line: #ff7b72; --card: #161b22; --hl-row: #262000; } }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; top: 0.5rem; z-index: 10; background: var(--bg); padding: 0.4rem 0.8rem; border: 2px solid var(--accent); border-radius: 4px; }
.site { border-bottom: 1px solid var(--line); }
.site nav { max-width: 72rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: baseline; }
.site .brand { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; }
.site-foot { max-width: 72rem; margin: 2rem auto 0; padding: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.8rem 0 0.6rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; padding-top: 0.4rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 0.2rem 0; }
.lead { font-size: 1.05rem; max-width: 48rem; }
.muted, .meta { color: var(--muted); }
.meta { font-size: 0.92rem; }
.notice { border: 2px solid var(--err-line); background: var(--err-bg); border-radius: 6px; padding: 0.7rem 1rem; margin: 1rem 0; }
.notice h2 { border: 0; margin: 0 0 0.3rem; padding: 0; font-size: 1.15rem; }
.notice ul { margin: 0.3rem 0 0; }
.notice p { margin: 0.3rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem 0.8rem; margin: 1rem 0; }
legend { font-weight: 600; padding: 0 0.3rem; }
.pick { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
.pick li { display: flex; gap: 0.6rem; align-items: flex-start; border: 1px solid var(--line); border-radius: 6px; padding: 0.55rem 0.7rem; background: var(--card); }
.pick li:has(input:checked) { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
.pick input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; accent-color: var(--accent); }
.pick label { cursor: pointer; flex: 1; }
.pick .title { display: block; font-weight: 600; }
.field { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; margin: 0.8rem 0; }
.field label { font-weight: 600; }
select, button, .button { font: inherit; padding: 0.45rem 0.7rem; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
button.primary, .button.primary { background: var(--accent); color: var(--bg); border-color: var(--accent); font-weight: 600; padding: 0.55rem 1.4rem; cursor: pointer; }
.actions { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; margin: 1rem 0; }
.hint { font-size: 0.92rem; color: var(--muted); margin: 0.2rem 0; }
.key { display: inline-flex; align-items: center; justify-content: center; min-width: 1.6em; height: 1.6em; padding: 0 0.3em; border-radius: 999px; background: var(--bar); color: var(--bg); font-weight: 700; font-size: 0.85em; margin-right: 0.35em; }
.scenarios { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.7rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
.scenarios > li { border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem 0.9rem; background: var(--card); }
.scenarios details { margin-top: 0.3rem; }
.downloads { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.4rem 0; }
.downloads a { display: inline-block; padding: 0.35rem 0.8rem; border: 1px solid var(--accent); border-radius: 6px; text-decoration: none; font-weight: 600; }
.downloads a:hover { background: color-mix(in srgb, var(--accent) 12%, transparent); }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; border: 1px solid var(--line); border-radius: 6px; }
.table-wrap table { margin: 0; }
.table-wrap caption { padding: 0.5rem 0.6rem; }
.matrix { min-width: 40rem; }
.matrix th[scope=row] { min-width: 10rem; width: 14rem; }
.matrix td, .matrix th[scope=col] { min-width: 15rem; }
.matrix td p { margin: 0.25rem 0; }
.matrix .na { color: var(--muted); font-style: italic; }
.matrix tr.row-differs > * { background: var(--hl-row); }
.matrix tr.row-differs > th[scope=row] { background: var(--hl); box-shadow: inset 4px 0 0 var(--mark); }
.differs-tag { display: inline-block; font-size: 0.78rem; font-weight: 700; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3rem; margin-left: 0.3rem; white-space: nowrap; font-style: normal; }
.same-tag { display: inline-block; font-size: 0.78rem; color: var(--muted); margin-left: 0.3rem; white-space: nowrap; }
.pos { font-weight: 600; }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.stance { display: inline-block; font-size: 0.85rem; font-weight: 700; border-radius: 4px; padding: 0 0.35rem; border: 1px solid var(--line); }
blockquote { margin: 0.35rem 0; padding: 0.1rem 0 0.1rem 0.7rem; border-left: 3px solid var(--accent); }
.who { font-size: 0.9rem; color: var(--muted); margin: 0.1rem 0; }
.refs { font-size: 0.85rem; color: var(--muted); margin: 0.2rem 0 0; }
.refs a { text-underline-offset: 0.15em; }
.refs a:hover, .refs a:focus-visible { text-decoration: underline; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: center; font-size: 0.92rem; margin: 0.4rem 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.legend svg { flex: none; }
.charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr)); }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; background: var(--bg); min-width: 0; }
figure.chart figcaption { margin-bottom: 0.3rem; }
figure.chart figcaption strong { display: block; font-size: 1.02rem; }
svg.bars { display: block; width: 100%; overflow: hidden; }
svg.bars text { fill: var(--fg); font-size: 13px; paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
svg.bars text.value { fill: var(--muted); font-size: 12.5px; font-variant-numeric: tabular-nums; }
svg.bars text.axis { fill: var(--muted); font-size: 11.5px; }
svg.bars text.narrow { display: none; }
svg.bars text.mark-label { fill: var(--mark); font-weight: 600; font-size: 12.5px; }
.bar-track { fill: var(--bar-track); }
.bar-solid { fill: var(--bar); }
.bar-range { stroke: var(--bar); stroke-width: 1; }
.hatch-line { stroke: var(--bar); stroke-width: 2; }
.grid-line { stroke: var(--line); stroke-width: 1; }
.mark-line { stroke: var(--mark); stroke-width: 2.5; stroke-dasharray: 5 3; }
.numbers td, .numbers th { font-size: 0.92rem; }
.numbers details summary { cursor: pointer; color: var(--accent); }
ol.sources { padding-left: 1.6rem; }
ol.sources li { margin: 0.45rem 0; scroll-margin-top: 1rem; }
ol.sources li:target { background: var(--hl); }
.pairs td.num, .pairs th.num { text-align: right; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
h3.sub { margin-top: 1.4rem; }
@media (max-width: 40rem) {
  main { padding: 0.75rem; }
  h1 { font-size: 1.4rem; }
  .matrix td, .matrix th[scope=col] { min-width: 13rem; }
  .matrix th[scope=row] { min-width: 8rem; width: 9rem; }
  svg.bars text.wide { display: none; }
  svg.bars text.narrow { display: inline; }
}
@media print { .site nav a:not(.brand), .skip, .downloads { display: none; } .table-wrap { overflow: visible; } }
`;
