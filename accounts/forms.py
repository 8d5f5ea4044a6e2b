from __future__ import annotations

import re

from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts.models import User

# A username is shown on every question asked under it, and this site is about 侵犯公民个人信息罪:
# it must not publish its own users' contact details. An e-mail address, a mainland mobile number
# (11 digits from 13x to 19x) or a resident ID number (17 digits and a check digit) is refused.
CONTACT_DETAILS = re.compile(r"@|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dXx](?!\d)")


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label="电子邮箱",
        help_text="用于接收回答通知，不会公开显示。",
        error_messages={"required": "请填写电子邮箱。", "invalid": "请输入有效的电子邮箱地址。"},
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
        help_texts = {
            "username": "4 到 30 个字符，可用字母、数字和 ./+/-/_；公开显示，请勿使用真实姓名、邮箱或手机号。"
        }

    def clean_username(self) -> str:
        username = super().clean_username()
        if username is None:
            # Django has already reported the name as taken (case-insensitively).
            return username
        if not 4 <= len(username) <= 30:
            raise forms.ValidationError("用户名长度应为 4 到 30 个字符。")
        if CONTACT_DETAILS.search(username):
            raise forms.ValidationError(
                "用户名会公开显示，请不要使用邮箱、手机号或身份证号作为用户名。"
            )
        return username

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("该邮箱已注册，请直接登录。")
        return email


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("email_notifications",)
