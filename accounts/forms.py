from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts.models import User


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
            "username": "4 到 30 个字符，可用字母、数字和 @/./+/-/_；公开显示，请勿使用真实姓名或手机号。"
        }

    def clean_username(self) -> str:
        username = super().clean_username()
        if not 4 <= len(username) <= 30:
            raise forms.ValidationError("用户名长度应为 4 到 30 个字符。")
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
