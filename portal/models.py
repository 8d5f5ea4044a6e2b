"""Tables the project itself keeps: write-budget counts (portal/limits.py) and the responses to
writes made with an Idempotency-Key (portal/idempotency.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RateWindow(models.Model):
    """One budget's count in its current window, for deployments without Redis.

    The window's start is stored as seconds since the epoch, not a DateTimeField, because the one
    statement that counts (portal/limits.py) compares and resets it in raw SQL on SQLite and
    PostgreSQL alike, where timestamps would need each backend's own conversions.
    """

    bucket = models.CharField(primary_key=True, max_length=200)
    window_start = models.FloatField(db_index=True)
    hits = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.bucket}: {self.hits}"


class IdempotentResponse(models.Model):
    """What a POST with an Idempotency-Key answered, written in the transaction of the write."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # SHA-256 of method, path and body: the same key with another request is refused.
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key}"
