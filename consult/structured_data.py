"""schema.org QAPage markup of a question page, as Google documents it for Q&A rich results:
the Question (name, text, answerCount, dateCreated, author) and its answers (text, dateCreated,
author, url, upvoteCount), the accepted one as acceptedAnswer, the others as suggestedAnswer.

It says only what the page shows: visible answers, the asker as the page names them (匿名用户
when they asked anonymously), the lawyer by their public name and profile.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from consult.models import Answer, LawyerProfile, Question
from seo.absolute import absolute_url


def _iso(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _answer(answer: Answer) -> dict[str, Any]:
    lawyer = answer.lawyer
    return {
        "@type": "Answer",
        "text": answer.body,
        "dateCreated": _iso(answer.created_at),
        "upvoteCount": answer.helpful_count,
        "url": absolute_url(answer.get_absolute_url()),
        "author": _lawyer(lawyer),
    }


def _lawyer(lawyer: LawyerProfile) -> dict[str, Any]:
    # A lawyer whose verification was revoked keeps their name on past answers, but neither
    # the title nor a link to the profile page that is no longer public.
    if not lawyer.is_verified:
        return {"@type": "Person", "name": lawyer.real_name}
    return {
        "@type": "Person",
        "name": lawyer.real_name,
        "jobTitle": lawyer.public_title,
        "url": absolute_url(lawyer.get_absolute_url()),
    }


def qa_page(question: Question, answers: list[Answer]) -> dict[str, Any]:
    """``answers``: the visible answers, as selectors.visible_answers returns them (accepted
    first, each with its helpful_count)."""
    entity: dict[str, Any] = {
        "@type": "Question",
        "name": question.title,
        "text": question.body,
        "answerCount": len(answers),
        "dateCreated": _iso(question.created_at),
        "author": {"@type": "Person", "name": question.asker_name},
    }
    accepted = [_answer(answer) for answer in answers if answer.is_accepted]
    suggested = [_answer(answer) for answer in answers if not answer.is_accepted]
    if accepted:
        entity["acceptedAnswer"] = accepted[0]
    if suggested:
        entity["suggestedAnswer"] = suggested
    return {
        "@context": "https://schema.org",
        "@type": "QAPage",
        "url": absolute_url(question.get_absolute_url()),
        "mainEntity": entity,
    }
