"""The signed-in user's own account in the API: their data as JSON, and deleting the account."""

from __future__ import annotations

from django.contrib.auth import logout
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from consult.services.personal_data import account_delete, user_data_export
from portal.api.errors import error_responses
from portal.api.idempotency import AtomicWrites
from portal.api.serializers import StrictSerializer
from portal.api.throttles import AccountThrottle
from portal.http import signed_in_user


class AccountDeleteSerializer(StrictSerializer):
    password = serializers.CharField(
        max_length=128, trim_whitespace=False, help_text="当前密码，确认是本人操作"
    )
    delete_questions = serializers.BooleanField(
        default=False,
        help_text="同时删除我的全部问题；默认保留问题，提问人显示为“已注销用户”",
    )


class MeView(AtomicWrites, APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [AccountThrottle]

    @extend_schema(
        summary="注销我的账号",
        description="需要当前密码。邮箱、姓名、用户名等个人信息在同一事务中清除，令牌失效，"
        "无法再登录。保留的问题和回答显示为“已注销用户”；`delete_questions` 为 true 时"
        "同时删除全部问题。每小时限 10 次。",
        request=AccountDeleteSerializer,
        responses={204: None, **error_responses(400, 401, 429)},
    )
    def delete(self, request: Request) -> Response:
        serializer = AccountDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account_delete(user=signed_in_user(request), **serializer.validated_data)
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeExportView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [AccountThrottle]

    @extend_schema(
        summary="导出我的数据",
        description="本站保存的关于当前用户的全部数据（账号、问题、律师申请与回答、"
        "“有帮助”标记、通知），JSON 格式。不含密码和令牌本身。每小时限 10 次。",
        responses={200: OpenApiResponse(description="个人数据"), **error_responses(401, 429)},
    )
    def get(self, request: Request) -> Response:
        return Response(user_data_export(user=signed_in_user(request)))
