"""Which questions wait for a moderator before anyone else sees them.

A question is held (Question.Review.PENDING: not public, not indexed, not counted) when its text
contains a word from settings.HOLD_WORDS, or when an account younger than
settings.HOLD_NEW_ACCOUNT_DAYS posts a link or repeats the text of one of its own questions:
the usual shapes of spam, which a new account has no record to outweigh. Staff approve or
reject it in the admin's queue (consult.services.moderation.review).
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from consult.models import Question

# A URL, or a bare domain under a common top-level domain ("example.com", "abc.cn/x"); not
# the domain of an e-mail address, which the masking leaves readable ("l***@example.com").
# ASCII edges, not \b: Chinese characters are word characters and sit right against a domain.
LINK = re.compile(
    r"https?://|www\.|(?<![@.a-z0-9_-])[a-z0-9][a-z0-9-]*\.(?:com|cn|net|org|top|xyz|cc|info|vip|shop)(?![a-z0-9-])",
    re.IGNORECASE,
)

# What the asker is told: not which rule caught the text, so a spammer can't tune around it.
HELD_NOTICE = "您的问题需要管理员审核后才会公开，审核通过前只有您自己能看到。"
WORDS_NOTE = "含有审核词："
LINK_NOTE = "新账号发布的内容含有链接"
REPEAT_NOTE = "新账号重复发布相同内容"


def hold_reason(*, author: User, title: str, body: str, question_pk: int | None = None) -> str:
    """Why the question (as it is about to be saved) must wait for review; "" if it needn't.
    For staff only: the asker is shown HELD_NOTICE."""
    text = f"{title}\n{body}".casefold()
    found = [word for word in settings.HOLD_WORDS if word.casefold() in text]
    if found:
        return (WORDS_NOTE + "、".join(found))[:200]
    if author.is_staff:
        return ""
    since = timezone.now() - timedelta(days=settings.HOLD_NEW_ACCOUNT_DAYS)
    if author.date_joined < since:
        return ""
    if LINK.search(text):
        return LINK_NOTE
    own = Question.objects.not_deleted().filter(author=author)
    if question_pk is not None:
        own = own.exclude(pk=question_pk)
    if own.filter(body=body).exists():
        return REPEAT_NOTE
    return ""
