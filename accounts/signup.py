"""Sign-up that proves the e-mail address and tells no one whether it is registered.

The form is answered the same way whether or not the address already has an account: "we
have sent a 6-digit code to this address". A new address receives the code; a registered one
receives a note that someone tried to sign up with it (and how to reset the password), and no
code will ever match. On a site about 侵犯公民个人信息罪, whether someone has sought legal
advice here is itself personal information.

Nothing is written to the user table until the code comes back. The pending sign-up (with the
password already hashed) lives in the server-side session of the browser that filled in the
form, so an address cannot be claimed by someone who can't read its mail, and the mail's
owner cannot be tricked into confirming somebody else's account: there is no link to click,
only a code to type into the page that asked for it (on any device the mail is read on).

The username is checked while the form is filled in, as before: usernames are public (shown
on every question asked under one), so that a name is taken tells nothing that the site
doesn't show anyway, and hiding it would only turn a clear "choose another" into a failed
sign-up after the mail round trip.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import User

CODE_LIFETIME_SECONDS = 30 * 60
MAX_CODE_TRIES = 5
_SALT = "accounts.signup.code"


class SignupError(Exception):
    """A code that doesn't confirm the sign-up; the message is for the user."""

    def __init__(self, message: str, *, start_again: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.start_again = start_again


@dataclass
class PendingSignup:
    """What the session keeps between the form and the code (JSON-serialisable)."""

    username: str
    email: str
    password_hash: str
    code_hash: str
    expires_at: float
    tries: int = 0

    def as_dict(self) -> dict:
        return self.__dict__.copy()

    @classmethod
    def from_dict(cls, data: object) -> PendingSignup | None:
        try:
            return cls(**data)  # type: ignore[arg-type]
        except TypeError:
            return None


def _code_hash(code: str) -> str:
    return salted_hmac(_SALT, code).hexdigest()


def signup_request(*, username: str, email: str, password: str) -> PendingSignup:
    """Send the mail for this address and return the pending sign-up for the session."""
    code = f"{secrets.randbelow(10**6):06d}"
    # Hashed either way, so that the answer takes as long for a registered address.
    pending = PendingSignup(
        username=username,
        email=email,
        password_hash=make_password(password),
        code_hash=_code_hash(code),
        expires_at=time.time() + CODE_LIFETIME_SECONDS,
    )
    context = {"username": username, "code": code, "site_url": settings.SITE_URL}
    if User.objects.filter(email__iexact=email).exists():
        subject, template = (
            "法律咨询网：有人尝试用您的邮箱注册",
            "registration/signup_taken_email.txt",
        )
    else:
        subject, template = "法律咨询网：注册验证码", "registration/signup_code_email.txt"
    EmailMessage(subject=subject, body=render_to_string(template, context), to=[email]).send(
        fail_silently=True
    )
    return pending


@transaction.atomic
def signup_confirm(*, pending: PendingSignup, code: str) -> User:
    """Create the account if the code is right. A wrong code counts against MAX_CODE_TRIES
    (the caller saves ``pending`` back to the session); after that, or once expired, the
    sign-up has to start again."""
    if time.time() > pending.expires_at or pending.tries >= MAX_CODE_TRIES:
        raise SignupError("验证码已失效，请重新注册。", start_again=True)
    pending.tries += 1
    if not constant_time_compare(_code_hash(code.strip()), pending.code_hash):
        left = MAX_CODE_TRIES - pending.tries
        if left <= 0:
            raise SignupError("验证码错误次数过多，请重新注册。", start_again=True)
        raise SignupError(f"验证码不正确，还可以再试 {left} 次。")
    if User.objects.filter(email__iexact=pending.email).exists():
        # Registered meanwhile (by the same person in another tab, most likely).
        raise SignupError("该邮箱已完成注册，请直接登录。", start_again=True)
    if User.objects.filter(username__iexact=pending.username).exists():
        raise SignupError("这个用户名刚刚被别人注册了，请换一个用户名重新注册。", start_again=True)
    try:
        with transaction.atomic():
            return User.objects.create(
                username=pending.username, email=pending.email, password=pending.password_hash
            )
    except IntegrityError:
        raise SignupError(
            "这个用户名刚刚被别人注册了，请换一个用户名重新注册。", start_again=True
        ) from None
