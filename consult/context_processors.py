from __future__ import annotations

from django.http import HttpRequest

from consult.models import Notification


def notifications(request: HttpRequest) -> dict[str, object]:
    """The unread count in the header, computed lazily so pages that don't show it don't pay."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": lambda: (
            Notification.objects.filter(recipient=user).visible().unread().count()
        )
    }
