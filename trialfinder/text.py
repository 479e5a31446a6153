"""Plain text helpers shared by the apps: line lists, the safe Markdown subset and
registry eligibility text."""

import re

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


# "Non-inclusion criteria" is how French sponsors head the exclusions.
HEADING_RE = re.compile(
    r"^[\W_]*(?:key\s+|main\s+|general\s+)?(inclusion|exclusion|non[\s-]*inclusion)"
    r"(?:\s+criteria\b\s*[:\-–]?|\s*:)\s*(.*)$",
    re.I,
)
BULLET_RE = re.compile(r"^(?:[*\-•+·o]\s+|[*\-•+·]|\(?\d{1,3}[.)]\s*|\(?[a-z][.)]\s+)")


def split_criteria(text: str) -> tuple[list[str], list[str]]:
    """Registry eligibility text -> (inclusion, exclusion), one criterion per item.
    Without headings everything counts as inclusion."""
    inclusion: list[str] = []
    exclusion: list[str] = []
    current = inclusion
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        heading = HEADING_RE.match(line)
        if heading:
            current = inclusion if heading.group(1).lower() == "inclusion" else exclusion
            line = heading.group(2).strip()
            if not line:
                continue
        item = BULLET_RE.sub("", line, count=1).strip(" -*\t")
        if item:
            current.append(item)
    return inclusion, exclusion
