from django import template
from django.template.context import Context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from trialfinder.glossary.marking import mark_terms

register = template.Library()

SEEN_KEY = "_glossary_seen"


def _page_seen(context: Context) -> set[str]:
    """The slugs already marked on this page. Kept in the context's bottom layer, which
    lives for the whole render, so blocks, loops and includes all share one set."""
    for layer in context.dicts:
        if SEEN_KEY in layer:
            return layer[SEEN_KEY]
    seen: set[str] = set()
    context.dicts[0][SEEN_KEY] = seen
    return seen


@register.simple_tag(takes_context=True)
def glossary_mark(context: Context, html: str) -> SafeString:
    """Mark glossary terms in already-sanitised HTML, e.g. `{% glossary_mark
    trial.summary|markdown %}`. Each term is marked at its first mention on the page."""
    # Plain strings are escaped first, so only HTML already marked safe is parsed as HTML;
    # mark_terms re-escapes every text node and attribute it emits.
    html = conditional_escape(html if html is not None else "")
    return mark_safe(mark_terms(str(html), _page_seen(context)))
