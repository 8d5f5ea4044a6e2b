"""Writes through the API: one transaction, a response built inside it, and Idempotency-Key.

A client that loses the answer to a POST (a timeout, a dropped connection, a 503 while the
database restarts) can't tell whether it was written. Two rules make retrying safe:

- AtomicWrites runs every unsafe request in one transaction, the response's body included:
  once it has committed, answering touches the database no more, so a committed write is
  always acknowledged, and a request that fails was not written.
- A POST may carry `Idempotency-Key: <up to 255 characters>`. The key, the user and a hash of
  the request are stored with the response's body in that same transaction; the same key again
  (within 24 hours) answers the stored response without writing anything, and the same key with
  another request is a 422. Keys are per user; a visitor's key is ignored (visitors can't
  write). Only successes are stored: after a refusal the key is free for the corrected request.

Concurrent requests with one key: the second one's INSERT of the key waits on the first's
transaction (a unique index), then fails, and it answers what the first stored.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from portal.models import IdempotentResponse

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
# How long a key is remembered: far longer than any client retries for.
KEEP = timedelta(hours=24)


class KeyReused(exceptions.APIException):
    status_code = 422
    default_detail = "这个 Idempotency-Key 已用于另一个内容不同的请求，请为新的请求使用新的键。"
    default_code = "idempotency_key_reused"


class _Replay(Exception):
    def __init__(self, stored: IdempotentResponse) -> None:
        super().__init__(stored.key)
        self.stored = stored


class AtomicWrites:
    """For viewsets with writes: put it first among the bases."""

    idempotent_response: IdempotentResponse | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method in SAFE_METHODS:
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        with transaction.atomic():
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        key = request.headers.get(HEADER, "").strip()
        if request.method != "POST" or not key or not request.user.is_authenticated:
            return
        if len(key) > MAX_KEY_LENGTH:
            raise exceptions.ValidationError({HEADER: [f"不能超过 {MAX_KEY_LENGTH} 个字符。"]})
        request_hash = _request_hash(request)
        # The user's expired keys go as a new one comes: one indexed DELETE, no cron job.
        IdempotentResponse.objects.filter(
            user=request.user, created_at__lt=timezone.now() - KEEP
        ).delete()
        try:
            with transaction.atomic():
                self.idempotent_response = IdempotentResponse.objects.create(
                    user=request.user, key=key, request_hash=request_hash, status=0, body={}
                )
        except IntegrityError:
            stored = IdempotentResponse.objects.get(user=request.user, key=key)
            if stored.request_hash != request_hash:
                raise KeyReused() from None
            raise _Replay(stored) from None

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, _Replay):
            response = Response(exc.stored.body, status=exc.stored.status)
            response["Idempotent-Replayed"] = "true"
            return response
        return super().handle_exception(exc)  # type: ignore[misc]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        stored = self.idempotent_response
        if stored is not None:
            if 200 <= response.status_code < 300 and isinstance(response, Response):
                # JSON as it will be sent (dates, decimals as the renderer writes them).
                stored.status = response.status_code
                stored.body = json.loads(JSONRenderer().render(response.data) or b"null")
                stored.save(update_fields=["status", "body"])
            else:
                # Nothing was written: the key stays free for a corrected request.
                stored.delete()
        return response


def _request_hash(request: Request) -> str:
    body = json.dumps(request.data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()
