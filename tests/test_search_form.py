"""The search form's long lists (cancer types, areas) are built once per process and
rendered once per choice; they must still follow every edit and every selection."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.factories import condition, make_site, make_trial, region
from trialfinder.trials.trees import ConditionTree

URL = reverse("trials:trial_list")


def test_renaming_a_cancer_type_shows_in_the_form_at_once(client, db):
    assert "Sarcoma" in client.get(URL).content.decode()
    sarcoma = condition("sarcoma")
    sarcoma.name = "Sarcomas of bone and soft tissue"
    sarcoma.save()
    page = client.get(URL).content.decode()
    assert ">Sarcomas of bone and soft tissue</option>" in page
    assert ConditionTree.load().by_slug["sarcoma"].name == "Sarcomas of bone and soft tissue"


def test_renaming_an_area_shows_in_the_form_at_once(client, db):
    client.get(URL)
    london = region("london")
    london.name = "Greater London"
    london.save()
    assert "Greater London</option>" in client.get(URL).content.decode()


def test_the_chosen_area_and_type_are_selected_and_nothing_else(client, db):
    page = client.get(URL, {"region": "london", "cancer_type": "sarcoma"}).content.decode()
    selects = re.findall(r"<select.*?</select>", page, flags=re.S)
    assert len(selects) == 7
    assert all(select.count(" selected>") == 1 for select in selects)
    assert '<option value="london" selected>' in page
    assert '<option value="sarcoma" selected>' in page
    other = client.get(URL, {"region": "wales"}).content.decode()
    assert '<option value="wales" selected>' in other
    assert '<option value="london" selected>' not in other


def test_option_labels_are_escaped(client, db):
    sarcoma = condition("sarcoma")
    sarcoma.name = 'Sarcoma <script>alert("x")</script>'
    sarcoma.save()
    page = client.get(URL).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_facet_links_keep_the_search_drop_the_page_and_replace_one_value(rf):
    from trialfinder.trials.templatetags.trial_display import query_with_value

    request = rf.get("/trials/?q=caf%C3%A9+%26&region=london&page=3&region=wales&age=40")
    link = query_with_value({"request": request}, "region", "scotland")
    assert link == "?q=caf%C3%A9+%26&region=scotland&age=40"
    assert query_with_value({"request": request}, "phase", "PHASE2").endswith("&phase=PHASE2")


def test_facet_links_add_a_missing_value_at_the_end_and_keep_repeated_others(rf):
    from trialfinder.trials.templatetags.trial_display import query_with_value

    request = rf.get("/trials/?q=a&phase=PHASE2&phase=PHASE3&page=2")
    context = {"request": request}
    assert (
        query_with_value(context, "region", "wales")
        == "?q=a&phase=PHASE2&phase=PHASE3&region=wales"
    )
    assert (
        query_with_value(context, "region", "a&b") == "?q=a&phase=PHASE2&phase=PHASE3&region=a%26b"
    )
    assert query_with_value(context, "phase", "PHASE1") == "?q=a&phase=PHASE1"
    assert query_with_value({"request": rf.get("/trials/?page=4")}, "page", 5) == "?page=5"
    assert query_with_value({"request": rf.get("/trials/")}, "status", "any") == "?status=any"


def test_a_wrong_value_is_marked_on_its_field_and_linked_from_the_summary(client, db):
    response = client.get(URL, {"age": "abc", "region": "nowhere"})
    assert response.status_code == 400
    page = response.content.decode()
    age = re.search(r'<div class="field field--error">\s*<label for="id_age">.*?</div>', page, re.S)
    assert age is not None
    assert 'id="id_age_error"' in age.group(0)
    assert "Enter age as a whole number of years, for example 45." in age.group(0)
    assert 'aria-invalid="true"' in age.group(0)
    assert 'value="abc"' in age.group(0)
    assert '<a href="#id_age">' in page
    assert '<a href="#id_region">' in page
    assert page.count("field--error") == 2


def test_a_search_page_reads_the_shared_cache_a_few_times_whatever_it_shows(client, db, settings):
    # Each read is a round trip to Redis in production: the trees' stamps, the search
    # generation, the synonyms, the facet counts and the cards.
    from unittest import mock

    from django.core.cache.backends.locmem import LocMemCache

    settings.PAGE_CACHE_SECONDS = 0
    for n in range(5):
        make_site(make_trial(title=f"Sarcoma trial {n}"), region="london")
    params = {"q": "sarcoma", "region": "london", "age": "40"}
    client.get(URL, params)
    reads, inside_many = [], []
    real_get, real_get_many = LocMemCache.get, LocMemCache.get_many

    def get(self, key, *args, **kwargs):
        if not inside_many:
            reads.append(key)
        return real_get(self, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        # Redis reads several keys in one round trip; count it once.
        reads.append(tuple(keys))
        inside_many.append(True)
        try:
            return real_get_many(self, keys, *args, **kwargs)
        finally:
            inside_many.pop()

    with (
        mock.patch.object(LocMemCache, "get", get),
        mock.patch.object(LocMemCache, "get_many", get_many),
    ):
        assert client.get(URL, params).status_code == 200
    assert len(reads) == 5, reads
