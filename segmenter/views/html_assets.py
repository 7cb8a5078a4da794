"""The stylesheet and script inlined into every HTML view (no external assets, no network)."""

from segmenter.labels import LABELS
from segmenter.views.palette import HTML_COLOURS


def stylesheet() -> str:
    """CSS for the view: label colours, a badge opening each segment, hover outline, single-label mode."""
    per_label = "\n".join(
        f'[data-label="{label}"] {{ --bg: {bg}; --accent: {accent}; }}\n'
        f'body[data-only="{label}"] .seg:not([data-label="{label}"]) {{ display: none; }}'
        for label, (bg, accent) in ((label, HTML_COLOURS[label]) for label in LABELS)
    )
    return _CSS + per_label + "\n"


_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; background: #fff; }
header { position: sticky; top: 0; z-index: 1; background: #f9fafb; border-bottom: 1px solid #e5e7eb;
  padding: 12px 24px; }
h1 { font-size: 17px; margin: 0 0 4px; overflow-wrap: anywhere; }
.facts { margin: 0 0 8px; color: #4b5563; font-size: 13px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; }
.legend button { font: inherit; font-size: 13px; cursor: pointer; border: 1px solid #d1d5db; border-radius: 999px;
  padding: 2px 10px; background: var(--bg, #fff); color: #111827; }
.legend button .n { color: #4b5563; }
.legend button[aria-pressed="true"] { border-color: var(--accent, #111827);
  box-shadow: inset 0 0 0 1px var(--accent, #111827); }
.totals { border-collapse: collapse; margin: 12px 24px 0; font-size: 13px; }
.totals th, .totals td { padding: 2px 12px 2px 0; text-align: right; }
.totals th:first-child, .totals td:first-child { text-align: left; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px;
  background: var(--accent); }
.page { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 110ch; padding: 16px 24px 48px; margin: 0; }
.seg { background: var(--bg); border-radius: 3px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.seg::before { content: attr(data-label) " " attr(data-score); font: 600 11px/1 system-ui, sans-serif;
  color: #fff; background: var(--accent); border-radius: 3px; padding: 2px 5px; margin-right: 6px;
  vertical-align: 2px; user-select: none; }
.seg:hover { outline: 2px solid var(--accent); }
.seg[data-label="boilerplate"] { color: #4b5563; }
body[data-only]:not([data-only=""]) .gap { display: none; }
body[data-only]:not([data-only=""]) .seg { display: block; margin-bottom: 10px; }
footer { color: #6b7280; font-size: 12px; padding: 0 24px 24px; }
"""

#: Clicking a legend button shows that label alone (again: all); ``#only=LABEL`` opens in that mode.
SCRIPT = """
(function () {
  var body = document.body;
  var labels = Array.prototype.map.call(document.querySelectorAll(".legend [data-show]"), function (b) {
    return b.getAttribute("data-show");
  });
  function show(label) {
    if (labels.indexOf(label) < 0) { label = ""; }
    body.setAttribute("data-only", label);
    document.querySelectorAll(".legend [data-show]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-show") === label));
    });
    try { history.replaceState(null, "", label ? "#only=" + label : location.pathname); } catch (e) { /* file: */ }
  }
  document.querySelector(".legend").addEventListener("click", function (event) {
    var button = event.target.closest("[data-show]");
    if (!button) { return; }
    var label = button.getAttribute("data-show");
    show(label === body.getAttribute("data-only") ? "" : label);
  });
  var wanted = /only=([a-z_]+)/.exec(location.hash);
  show(wanted ? wanted[1] : "");
})();
"""
