from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError

from accounts.models import User


class ChineseMinimumLengthValidator(MinimumLengthValidator):
    """Django's validator, whose plural message has no zh-hans translation, with one in Chinese."""

    def validate(self, password: str, user: User | None = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                f"密码太短，至少需要 {self.min_length} 个字符。",
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self) -> str:
        return f"密码至少需要 {self.min_length} 个字符。"


class NotBlankPasswordValidator:
    """Refuses a password made only of whitespace ("        " passes every length check but is
    the first thing anyone would guess once they see the form accepts it)."""

    def validate(self, password: str, user: User | None = None) -> None:
        if not password.strip():
            raise ValidationError("密码不能只由空格或其他空白字符组成。", code="password_blank")

    def get_help_text(self) -> str:
        return "密码不能只由空白字符组成。"
