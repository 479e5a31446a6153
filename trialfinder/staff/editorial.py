"""Editorial workflow (issue 6): who may move a trial page between publication states,
what each move needs, how readable the plain-language text is, and the review queues.

The admin's form and actions and the staff dashboard all go through `check()` and
`apply()`, so a rule is enforced in one place whatever button was pressed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trialfinder.glossary.editor_help import syllables
from trialfinder.trials.models import Publication, Trial, TrialQuerySet

# --- Transitions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the action's name in the admin
    verb: str  # past tense for messages and history: "published"
    target: str
    sources: tuple[str, ...]
    permission: str


SUBMIT = Transition(
    "submit",
    gettext_lazy("Mark ready for review"),
    gettext_lazy("marked ready for review"),
    Publication.REVIEW,
    (Publication.DRAFT, Publication.WITHDRAWN),
    "trials.submit_trial",
)
PUBLISH = Transition(
    "publish",
    gettext_lazy("Publish"),
    gettext_lazy("published"),
    Publication.PUBLISHED,
    (Publication.DRAFT, Publication.REVIEW, Publication.WITHDRAWN),
    "trials.publish_trial",
)
UNPUBLISH = Transition(
    "unpublish",
    gettext_lazy("Unpublish (back to draft)"),
    gettext_lazy("returned to draft"),
    Publication.DRAFT,
    (Publication.PUBLISHED, Publication.REVIEW, Publication.WITHDRAWN),
    "trials.publish_trial",
)
WITHDRAW = Transition(
    "withdraw",
    gettext_lazy("Withdraw"),
    gettext_lazy("withdrawn"),
    Publication.WITHDRAWN,
    (Publication.DRAFT, Publication.REVIEW, Publication.PUBLISHED),
    "trials.withdraw_trial",
)
TRANSITIONS = {t.name: t for t in (SUBMIT, PUBLISH, UNPUBLISH, WITHDRAW)}
_BY_TARGET = {t.target: t for t in TRANSITIONS.values()}

User = AbstractBaseUser | AnonymousUser


def transition_to(source: str, target: str) -> Transition | None:
    """The move a form makes by changing the publication field (None: no change)."""
    if source == target:
        return None
    return _BY_TARGET[target]


def check(trial: Trial, transition: Transition, user: User, source: str | None = None) -> list[str]:
    """Why `user` may not make this move on `trial` now; empty when they may.
    `source` is the state the trial is in (by default, its publication field)."""
    source = trial.publication if source is None else source
    if not user.has_perm(transition.permission):
        return [_("You do not have permission to do this: ask a publisher.")]
    if source not in transition.sources:
        return [
            _("It is %(state)s, so it cannot be %(verb)s.")
            % {"state": Publication(source).label.lower(), "verb": transition.verb}
        ]
    if transition is PUBLISH:
        return trial.publishing_problems()
    return []


def apply(trial: Trial, transition: Transition, user: User) -> None:
    """Set the new state and who did it, without saving. The history row the save writes
    carries the move as its change reason."""
    now = timezone.now()
    trial.publication = transition.target
    if transition is SUBMIT:
        trial.submitted_by, trial.submitted_at = user, now
    elif transition is PUBLISH:
        trial.published_by, trial.published_at = user, now
    trial._change_reason = str(transition.verb).capitalize()


# --- Readability ------------------------------------------------------------------------

MAX_GRADE = 8  # Reading age 13-14: above this, the page warns the editor.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s+")
_MARKDOWN = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`#>]")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    reading_ease: float  # Flesch reading ease: 100 very easy, 0 very hard
    grade: float  # Flesch-Kincaid grade level (US school grade)

    @property
    def too_hard(self) -> bool:
        return self.grade > MAX_GRADE


def readability(text: str) -> Readability | None:
    """Flesch reading ease and Flesch-Kincaid grade of plain text or simple Markdown
    (list items and paragraphs count as sentences). None for text with no words."""
    plain = _MARKDOWN.sub(lambda m: m.group(1) or "", text or "")
    sentences = [s for s in _SENTENCE_END.split(plain) if _WORD.search(s)]
    words = _WORD.findall(plain)
    if not words:
        return None
    n_words, n_sentences = len(words), max(len(sentences), 1)
    n_syllables = sum(syllables(w) if w.isalpha() else 1 for w in words)
    per_sentence, per_word = n_words / n_sentences, n_syllables / n_words
    return Readability(
        words=n_words,
        sentences=n_sentences,
        syllables=n_syllables,
        reading_ease=round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        grade=round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
    )


# --- Queues -------------------------------------------------------------------------------

QUEUES = {
    "review_due": gettext_lazy("Review due"),
    "needs_summary": gettext_lazy("Needs a plain-language summary"),
    "registry_changed": gettext_lazy("Status changed in the registry since last review"),
    "ready_for_review": gettext_lazy("Ready for review"),
}


def queue(name: str, qs: TrialQuerySet | None = None) -> TrialQuerySet:
    qs = Trial.objects.all() if qs is None else qs
    if name == "review_due":
        return qs.review_due(timezone.localdate())
    if name == "needs_summary":
        return qs.needs_plain_summary()
    if name == "registry_changed":
        return qs.registry_status_changed()
    if name == "ready_for_review":
        return qs.filter(publication=Publication.REVIEW)
    raise KeyError(name)
