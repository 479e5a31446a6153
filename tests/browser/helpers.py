"""Shared checks for the browser tests: axe-core, visible focus and target sizes."""

from __future__ import annotations

import json

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}
_axe = Axe()  # axe-core bundled in the package: nothing is fetched


def axe_violations(page) -> list[dict]:
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def summarise(violations: list[dict]) -> str:
    """One block per rule: what is wrong, how bad, where, and the fix axe suggests."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} element(s)]")
        lines.append(f"  {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            if node.get("failureSummary"):
                for summary_line in node["failureSummary"].splitlines():
                    lines.append(f"      {summary_line}")
    return "\n".join(lines)


# The focused element's focus indicator, next to an identical clone that is not focused
# (so nothing is blurred, and no focusout handler runs). Same parent, so same selectors.
_FOCUS_STYLE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const pick = (node) => {
    const s = getComputedStyle(node);
    return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            boxShadow: s.boxShadow};
  };
  const focused = pick(el);
  const clone = el.cloneNode(true);
  clone.removeAttribute("autofocus");
  el.after(clone);
  const unfocused = pick(clone);
  clone.remove();
  return {focused, unfocused, tag: el.tagName.toLowerCase(),
          text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60)};
}
"""


def assert_focus_visible(page) -> dict:
    """The focused element shows an outline or box-shadow it does not have unfocused."""
    info = page.evaluate(_FOCUS_STYLE_JS)
    assert info is not None, f"nothing has focus on {page.url}"
    f, u = info["focused"], info["unfocused"]
    outline_shown = f["outlineStyle"] != "none" and f["outlineWidth"] > 0
    shadow_shown = f["boxShadow"] != "none"
    changed = f["outline"] != u["outline"] or f["boxShadow"] != u["boxShadow"]
    assert (outline_shown or shadow_shown) and changed, (
        f"no visible focus indicator on <{info['tag']}> {info['text']!r} at {page.url}: "
        f"focused {json.dumps(f)}, unfocused {json.dumps(u)}"
    )
    return info


def tab_until(page, selector: str, limit: int = 150, key: str = "Tab") -> None:
    """Press Tab until the focused element matches `selector`, checking that every stop
    on the way shows its focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {limit} x {key} on {page.url}")


def focused(page, expression: str = "el => el.outerHTML.slice(0, 200)"):
    return page.evaluate(f"({expression})(document.activeElement)")


def horizontal_overflow(page) -> tuple[int, int]:
    return page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def small_targets(page, selector: str, minimum: int = 44) -> list[str]:
    """Visible elements matching `selector` smaller than minimum x minimum CSS px."""
    return page.evaluate(
        """([selector, minimum]) => {
          const out = [];
          for (const el of document.querySelectorAll(selector)) {
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            if (s.display === "none" || s.visibility === "hidden" || (!r.width && !r.height)) continue;
            if (r.width < minimum || r.height < minimum)
              out.push(`${selector} ${el.outerHTML.slice(0, 90)} is ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
          }
          return out;
        }""",
        [selector, minimum],
    )
