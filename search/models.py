"""What search needs stored: the synonym table curators edit, and the shape of a full-text
document that consult and statutes each keep for their own rows."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models

# Words only (Han, letters, digits): a term is matched inside the query text and its legal
# terms become query words, so punctuation would only ever fail to match.
WORDS_ONLY = RegexValidator(r"^[\w\u4e00-\u9fff]+$", "只能包含汉字、字母和数字，不要标点或空格。")


class Synonym(models.Model):
    """An everyday term and the legal term(s) a search for it also looks for."""

    term = models.CharField(
        "日常说法", max_length=20, unique=True, validators=[WORDS_ONLY], help_text="如“老赖”"
    )
    legal_terms = models.CharField(
        "法律用语",
        max_length=200,
        help_text="一个或多个，用顿号“、”分隔，如“失信被执行人”或“敲诈勒索、诈骗”",
    )
    is_active = models.BooleanField("启用", default=True)
    is_shipped = models.BooleanField("随站点提供", default=False, editable=False)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "搜索同义词"
        verbose_name_plural = "搜索同义词"
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} → {self.legal_terms}"

    @property
    def legal_list(self) -> list[str]:
        return split_legal_terms(self.legal_terms)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        terms = self.legal_list
        if not terms:
            raise ValidationError({"legal_terms": "请至少填写一个法律用语。"})
        for term in terms:
            try:
                WORDS_ONLY(term)
            except ValidationError:
                raise ValidationError(
                    {"legal_terms": f"“{term}”只能包含汉字、字母和数字。"}
                ) from None
        if self.term in terms:
            raise ValidationError({"legal_terms": "法律用语不能与日常说法相同。"})


def split_legal_terms(text: str) -> list[str]:
    parts = text.replace("，", "、").replace(",", "、").replace("\n", "、").split("、")
    return list(dict.fromkeys(part.strip() for part in parts if part.strip()))


class FullTextDocument(models.Model):
    """Pre-segmented words of one row, in three weights (A highest), kept current by the
    services that write the row. The database indexes them: on PostgreSQL a trigger fills
    `document` (a weighted tsvector, GIN-indexed); on SQLite an FTS5 table mirrors the three
    columns (see search.schema). `document` stays empty on SQLite."""

    terms_a = models.TextField(blank=True)
    terms_b = models.TextField(blank=True)
    terms_c = models.TextField(blank=True)
    document = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True
