"""Which cached scopes (portal.page_cache) each anonymous page shows. The writes that change a
scope bump it: the services, the admin, the demo loader and the importer."""

from __future__ import annotations

from portal.page_cache import BROWSE, LISTS, STATUTES, question_scope


def lists(**kwargs: object) -> list[str]:
    """Lawyer profiles show lists of questions and lawyers only."""
    return [LISTS]


def browse_lists(**kwargs: object) -> list[str]:
    """Home, category pages and /questions/: lists of questions with the start of each one's
    best answer, and (on /questions/) the 有帮助 order."""
    return [LISTS, BROWSE]


def question_page(*, pk: int, **kwargs: object) -> list[str]:
    """The question and its answers; the recommended and related lists and the lawyer cards;
    the articles it cites."""
    return [question_scope(pk), LISTS, STATUTES]


def law_page(**kwargs: object) -> list[str]:
    """The list of laws, a law with its articles."""
    return [STATUTES]


def article_page(**kwargs: object) -> list[str]:
    """An article, and the questions citing it."""
    return [STATUTES, LISTS]
