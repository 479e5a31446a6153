"""Cancer types and regions are small trees (a few hundred rows). Load each once per
request, then answer "this node and everything below it" and build grouped form choices
in Python."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from trialfinder.core.caching import UNREAD, forget_kept, kept_in_process, stamp_key
from trialfinder.trials.models import Condition, Region

_versions = itertools.count(1)


def flat_choices(choices) -> list[tuple]:
    """Choices with option groups flattened, for looking up a value's label."""
    flat = []
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat


@dataclass(eq=False)
class Tree:
    nodes: list
    by_slug: dict = field(init=False)
    by_pk: dict = field(init=False)
    children: dict = field(init=False)
    # Different for every tree built in this process: what a form's rendered options
    # are keyed by (see widgets.FastSelect).
    version: int = field(init=False)

    def __post_init__(self) -> None:
        self.by_slug = {node.slug: node for node in self.nodes}
        self.by_pk = {node.pk: node for node in self.nodes}
        self.children = {}
        for node in self.nodes:
            self.children.setdefault(node.parent_id, []).append(node)
        # In name order, as the form, the facets and the cancer-type pages list them.
        for siblings in self.children.values():
            siblings.sort(key=lambda n: n.name)
        self.version = next(_versions)
        self._choices: dict[str, list] = {}
        self._labels: dict[str, dict[str, str]] = {}

    def form_choices(self) -> list:
        """`choices()` for the active language, built once per tree (a tree lives as
        long as nobody edits it)."""
        language = get_language()
        if language not in self._choices:
            self._choices[language] = self.choices()
        return self._choices[language]

    def choice_labels(self) -> dict[str, str]:
        """Each node's label as the form shows it (without the indent), by slug."""
        language = get_language()
        if language not in self._labels:
            self._labels[language] = {
                slug: str(label).strip() for slug, label in flat_choices(self.form_choices())
            }
        return self._labels[language]

    def choices(self) -> list:
        raise NotImplementedError

    def with_descendants(self, slug: str) -> set[int]:
        root = self.by_slug.get(slug)
        if root is None:
            return set()
        found, stack = set(), [root]
        while stack:
            node = stack.pop()
            if node.pk not in found:
                found.add(node.pk)
                stack.extend(self.children.get(node.pk, ()))
        return found

    def with_ancestors(self, pk: int) -> set[int]:
        """The node and every node above it."""
        found, node = set(), self.by_pk.get(pk)
        while node is not None and node.pk not in found:
            found.add(node.pk)
            node = self.by_pk.get(node.parent_id)
        return found

    def parent_of(self, slug: str):
        node = self.by_slug.get(slug)
        if node is None or node.parent_id is None:
            return None
        return self.by_pk.get(node.parent_id)

    def walk(self, parent_id=None, depth: int = 0):
        """Depth-first (node, depth) pairs, children in name order."""
        for node in self.children.get(parent_id, ()):
            yield node, depth
            yield from self.walk(node.pk, depth + 1)


CONDITIONS_CACHE_KEY = "trees:conditions"
REGIONS_CACHE_KEY = "trees:regions"
CACHE_SECONDS = 600


def forget() -> None:
    """After an edit to either tree: every process rebuilds both."""
    forget_kept(CONDITIONS_CACHE_KEY, REGIONS_CACHE_KEY)


def load_trees() -> tuple[ConditionTree, RegionTree]:
    """Both trees, their stamps read together: one cache round trip for a search page."""
    keys = [stamp_key(CONDITIONS_CACHE_KEY), stamp_key(REGIONS_CACHE_KEY)]
    stamps = cache.get_many(keys)
    return (
        ConditionTree.load(stamps.get(keys[0])),
        RegionTree.load(stamps.get(keys[1])),
    )


class ConditionTree(Tree):
    @classmethod
    def load(cls, stamp=UNREAD) -> ConditionTree:
        # Every search page needs both trees: kept built, not unpickled from a few
        # hundred rows on each request. Signals forget them when an editor changes one.
        return kept_in_process(
            CONDITIONS_CACHE_KEY,
            lambda: list(Condition.objects.only("pk", "name", "slug", "parent_id")),
            CACHE_SECONDS,
            build=cls,
            stamp=stamp,
        )

    def choices(self) -> list[tuple[str, str]]:
        # Non-breaking spaces indent subtypes in a plain <select>.
        return [(node.slug, "\u00a0\u00a0" * depth + node.name) for node, depth in self.walk()]


class RegionTree(Tree):
    @classmethod
    def load(cls, stamp=UNREAD) -> RegionTree:
        return kept_in_process(
            REGIONS_CACHE_KEY,
            lambda: list(Region.objects.only("pk", "name", "slug", "parent_id", "kind", "code")),
            CACHE_SECONDS,
            build=cls,
            stamp=stamp,
        )

    def choices(self) -> list:
        uk = self.by_slug.get("united-kingdom")
        us = self.by_slug.get("united-states")
        groups = []
        if uk:
            uk_choices = [(uk.slug, _("Anywhere in the UK"))]
            for node, depth in self.walk(uk.pk):
                uk_choices.append((node.slug, "\u00a0\u00a0" * depth + node.name))
            groups.append((_("United Kingdom"), uk_choices))
        if us:
            us_choices = [(us.slug, _("Anywhere in the US"))]
            us_choices += [(node.slug, node.name) for node, _depth in self.walk(us.pk)]
            groups.append((_("United States"), us_choices))
        others = [
            (node.slug, node.name) for node in self.children.get(None, ()) if node not in (uk, us)
        ]
        groups.append((_("Other countries"), others))
        return groups
