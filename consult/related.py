"""The computed part of "相关问题": a small, documented score.

score = 3 × (statute articles cited by both questions or their answers)
      + 2 × (same category)
      + 1 × (character bigrams the titles share, after dropping question words)

Candidates with a score of 0 are never shown. Ties go to the newer question.
"""

from __future__ import annotations

import re

ARTICLE_WEIGHT = 3
CATEGORY_WEIGHT = 2
BIGRAM_WEIGHT = 1

# Words every question title has; sharing them says nothing about the topic.
_QUESTION_WORDS = re.compile(
    r"什么|怎么|怎样|如何|是否|可以|能否|能不能|会不会|多少|哪些|有没有|吗|呢|吧|么|的|了|是|被|该|要|会|能"
)
_NON_HAN = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


def title_bigrams(title: str) -> set[str]:
    words = _NON_HAN.split(_QUESTION_WORDS.sub(" ", title))
    return {word[i : i + 2] for word in words for i in range(len(word) - 1)}


def related_score(
    *,
    same_category: bool,
    shared_articles: int,
    title_a: str,
    title_b: str,
) -> int:
    shared_bigrams = len(title_bigrams(title_a) & title_bigrams(title_b))
    return (
        ARTICLE_WEIGHT * shared_articles
        + CATEGORY_WEIGHT * int(same_category)
        + BIGRAM_WEIGHT * shared_bigrams
    )
