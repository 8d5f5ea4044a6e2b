"""What a page shows beside a model: typed objects built by the view, instead of attributes set
on model instances (which the type checker can't see and a cache could carry elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from consult.models import Answer, Question


@dataclass(frozen=True)
class AnswerOnPage:
    """One answer on the question page, with its linked text and what the viewer may do.

    Anything else a template asks for (`answer.lawyer`, `answer.pk`, ...) is the answer's own.
    """

    answer: Answer
    linked_body: SafeString
    can_accept: bool
    can_edit: bool
    can_mark_helpful: bool
    marked_helpful: bool
    can_follow_up: bool

    def __getattr__(self, name: str) -> Any:
        # Only called for names the dataclass doesn't have.
        return getattr(self.answer, name)


@dataclass(frozen=True)
class QuestionThread:
    """A question as the API's detail shows it, with its visible answers and its related
    questions (QuestionDetailSerializer reads `api_answers` and `api_related`).

    Anything else the serializer asks for is the question's own.
    """

    question: Question
    api_answers: list[Answer]
    api_related: list[Question]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.question, name)
