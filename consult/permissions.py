"""Who may do what, decided in one place for the pages and the API alike."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from consult.models import Answer, LawyerProfile, Question

AnyUser = User | AnonymousUser

# What a refused user is told: one message per refusal, the same on the pages, in the API
# and from the services (which the admin and the commands call too).
ASK_DENIED = "请先登录再提问。"
EDIT_QUESTION_DENIED = "只有提问者本人可以修改问题。"
DELETE_QUESTION_DENIED = "只有提问者本人可以删除问题。"
ANSWER_DENIED = "只有通过认证的律师可以回答（不能回答自己的问题），且每个问题只能回答一次。"
EDIT_ANSWER_DENIED = "只能修改自己的回答。"
ACCEPT_DENIED = "只有提问者可以采纳回答。"
ALREADY_ACCEPTED = "这条回答已经被采纳了。"
HELPFUL_DENIED = "不能为自己的回答点“有帮助”。"
ALREADY_MARKED_HELPFUL = "您已经标记过这条回答有帮助。"
FOLLOW_UP_DENIED = "只有提问者和回答的律师可以在这条回答下追问或回复。"
ADDRESS_DENIED = "只能向通过认证的律师提问（不能向自己提问）。"
WORKSPACE_DENIED = "律师工作台只对通过认证的律师开放。"


def verified_lawyer(user: AnyUser) -> LawyerProfile | None:
    """The user's lawyer profile if an admin has verified it (and not revoked it)."""
    if not user.is_authenticated:
        return None
    profile = getattr(user, "lawyer_profile", None)
    return profile if profile is not None and profile.is_verified else None


def can_ask(user: AnyUser) -> bool:
    return user.is_authenticated and user.is_active


def can_edit_question(user: AnyUser, question: Question) -> bool:
    """The asker edits their question, answered or not: after answers arrive mostly to take
    personal details out (the answers stay; every version is kept for staff)."""
    return (
        user.is_authenticated
        and question.author_id == user.pk
        and not question.is_hidden
        and not question.is_deleted
    )


def can_delete_question(user: AnyUser, question: Question) -> bool:
    """The asker deletes their own question (a moderator hides instead)."""
    return user.is_authenticated and question.author_id == user.pk and not question.is_deleted


def can_answer(user: AnyUser, question: Question) -> bool:
    lawyer = verified_lawyer(user)
    return (
        lawyer is not None
        and question.is_public
        and question.author_id != user.pk
        and not question.answers.filter(lawyer=lawyer).exists()
    )


def can_edit_answer(user: AnyUser, answer: Answer) -> bool:
    lawyer = verified_lawyer(user)
    return lawyer is not None and answer.lawyer_id == lawyer.pk and not answer.is_hidden


def can_accept(user: AnyUser, answer: Answer) -> bool:
    return (
        user.is_authenticated
        and answer.question.author_id == user.pk
        and not answer.is_hidden
        and not answer.is_accepted
    )


def accept_denied(user: AnyUser, answer: Answer) -> str:
    """Why can_accept() refused: the asker is told the answer is accepted already."""
    asker = user.is_authenticated and answer.question.author_id == user.pk
    return ALREADY_ACCEPTED if asker and answer.is_accepted else ACCEPT_DENIED


def can_mark_helpful(user: AnyUser, answer: Answer) -> bool:
    """Any signed-in user but the answer's own lawyer, once (the database enforces once)."""
    return user.is_authenticated and answer.lawyer.user_id != user.pk and not answer.is_hidden


def can_follow_up(user: AnyUser, answer: Answer) -> bool:
    """The asker asks again under an answer; the answering lawyer, while still verified,
    replies. Nobody writes under a hidden answer or question."""
    if not user.is_authenticated or answer.is_hidden or answer.question.is_hidden:
        return False
    if answer.question.author_id == user.pk:
        return True
    lawyer = verified_lawyer(user)
    return lawyer is not None and answer.lawyer_id == lawyer.pk


def can_use_workspace(user: AnyUser) -> bool:
    """The lawyer workspace (待回答, 我的回答, editing the profile): verified lawyers only."""
    return verified_lawyer(user) is not None


def can_address(user: AnyUser, lawyer: LawyerProfile) -> bool:
    """ "向TA提问": to a verified lawyer other than oneself."""
    return can_ask(user) and lawyer.is_verified and lawyer.user_id != user.pk
