"""Permissions shared by the API's resources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView


def staff_with(perm: str) -> type[BasePermission]:
    """Staff holding the same model permission the admin screen asks for."""

    class StaffWithPermission(BasePermission):
        message = "只有有相应权限的管理员可以执行此操作。"

        def has_permission(self, request: Request, view: APIView) -> bool:
            user = request.user
            return bool(user.is_authenticated and user.is_staff and user.has_perm(perm))

    StaffWithPermission.__name__ = f"StaffWith({perm})"
    return StaffWithPermission


def view_action(view: APIView) -> str | None:
    """The viewset action a permission is asked about ("create", "update", ...); permissions
    are typed against APIView, which has no `action` of its own."""
    return getattr(view, "action", None)
