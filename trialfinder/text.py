"""Plain text helpers shared by the apps: line lists and the safe Markdown subset."""

import nh3
from markdown_it import MarkdownIt

# The small Markdown subset editors may use: paragraphs, lists, bold, italics, links.
# Raw HTML in the source is escaped by markdown-it, and nh3 removes anything the
# parser could still produce that we do not allow.
_markdown = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False}).enable(
    ["paragraph", "list", "emphasis", "link", "newline", "escape", "backticks", "heading"]
)
ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "code", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def lines(text: str) -> list[str]:
    """Non-empty, stripped lines of a one-item-per-line field."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def render_markdown(text: str) -> str:
    """Editor-written Markdown to sanitised HTML. Headings drop two levels so an
    editor's '#' never competes with the page's own headings."""
    html = _markdown.render(text or "")
    for level in (2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(
            f"</h{level}>", f"</h{level + 2}>"
        )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
