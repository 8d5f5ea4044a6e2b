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

    # Required: the account is created only with the visitor's agreement to the two pages.
    agree_terms = forms.BooleanField(
        label="我已阅读并同意《用户协议》和《隐私政策》",
        required=True,
        error_messages={"required": "注册前请阅读并同意《用户协议》和《隐私政策》。"},
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
        # Whether the address is registered is not said here: see accounts/signup.py.
        return self.cleaned_data["email"].strip().lower()


class SignupCodeForm(forms.Form):
    code = forms.CharField(
        label="验证码",
        max_length=6,
        min_length=6,
        help_text="邮件中的 6 位数字。",
        error_messages={
            "required": "请输入邮件中的 6 位验证码。",
            "min_length": "验证码是 6 位数字。",
            "max_length": "验证码是 6 位数字。",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if not code.isascii() or not code.isdigit():
            raise forms.ValidationError("验证码是 6 位数字。")
        return code


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("email_notifications",)


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="当前密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "请输入当前密码以确认是您本人。"},
    )
    delete_questions = forms.BooleanField(
        label="同时删除我提过的全部问题",
        required=False,
        help_text="不勾选时，问题和回答保留在网站上，提问人显示为“已注销用户”。",
    )
