"""Password guessing locks a username (from any number of addresses) and an address spraying
many usernames; the rightful owner gets back in after the cool-off or at once by a reset."""

from __future__ import annotations

import datetime

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user
from tests.matching import must_search

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _small_limits(settings) -> None:
    settings.AXES_USERNAME_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_IP_FAILURE_LIMIT = 20


def sign_in(ip: str, username: str, password: str, url: str = "accounts:login") -> int:
    client = Client(REMOTE_ADDR=ip)
    return client.post(reverse(url), {"username": username, "password": password}).status_code


def guess_from_many_addresses(username: str, count: int) -> None:
    for n in range(count):
        sign_in(f"198.51.100.{n + 1}", username, f"guess-{n}")


def test_guesses_from_several_addresses_lock_the_account(alice) -> None:
    guess_from_many_addresses("alice", 5)
    response = Client(REMOTE_ADDR="203.0.113.9").post(
        reverse("accounts:login"), {"username": "alice", "password": RIGHT}
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "登录失败次数过多，已暂时锁定" in page
    assert "15 分钟" in page
    assert "_auth_user_id" not in Client().session


def test_a_wrong_password_below_the_limit_is_the_usual_error(alice) -> None:
    guess_from_many_addresses("alice", 4)
    assert sign_in("203.0.113.9", "alice", RIGHT) == 302


def test_the_right_password_from_a_fresh_address_works_after_the_cool_off(alice) -> None:
    guess_from_many_addresses("alice", 5)
    assert sign_in("203.0.113.9", "alice", RIGHT) == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in("203.0.113.9", "alice", RIGHT) == 302


def test_guesses_during_a_lock_do_not_extend_it(alice) -> None:
    guess_from_many_addresses("alice", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in("198.51.100.99", "alice", "still-guessing") == 200
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in("203.0.113.9", "alice", RIGHT) == 302


def test_a_password_reset_unlocks_the_account(client: Client, alice) -> None:
    guess_from_many_addresses("alice", 5)
    client.post(reverse("accounts:password-reset"), {"email": alice.email})
    link = must_search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True)
    new = "a-brand-new-pass-phrase-3"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert sign_in("203.0.113.9", "alice", new) == 302


def test_an_address_spraying_many_accounts_is_locked(alice) -> None:
    statuses = []
    for n in range(20):
        make_user(f"victim{n}")
        statuses.append(sign_in("198.51.100.7", f"victim{n}", "123456"))
    # The 20th failure is the one that locks: it is answered with the lock page already.
    assert statuses == [200] * 19 + [429]
    assert sign_in("198.51.100.7", "alice", RIGHT) == 429
    # Only that address: alice signs in from anywhere else, and no victim is locked.
    assert sign_in("203.0.113.9", "alice", RIGHT) == 302
    assert sign_in("203.0.113.9", "victim1", RIGHT) == 302


def test_other_people_behind_a_shared_address_are_not_locked_by_one_users_typos(alice, bob) -> None:
    for n in range(5):
        sign_in("192.0.2.1", "bob", f"typo-{n}")
    assert sign_in("192.0.2.1", "alice", RIGHT) == 302


def test_signing_in_does_not_wipe_the_addresss_count(alice) -> None:
    for n in range(19):
        make_user(f"victim{n}")
        sign_in("198.51.100.7", f"victim{n}", "123456")
    assert sign_in("198.51.100.7", "alice", RIGHT) == 302
    assert sign_in("198.51.100.7", "victim0", "password") == 429


def test_the_admin_sign_in_form_counts_too(admin_user) -> None:
    statuses = [sign_in(f"198.51.100.{n}", "charlie", "wrong", "admin:login") for n in range(5)]
    assert statuses == [200] * 4 + [429]
    assert sign_in("203.0.113.9", "charlie", RIGHT, "admin:login") == 429
    assert sign_in("203.0.113.9", "charlie", RIGHT) == 429


def test_an_admin_unlocks_an_account_in_the_admin(admin_client: Client, alice) -> None:
    guess_from_many_addresses("alice", 5)
    assert sign_in("203.0.113.9", "alice", RIGHT) == 429
    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [alice.pk]},
        follow=True,
    )
    assert "已解除 1 位用户的登录锁定" in response.content.decode()
    assert sign_in("203.0.113.9", "alice", RIGHT) == 302


def test_the_admin_lists_the_failed_attempts(admin_client: Client, alice) -> None:
    guess_from_many_addresses("alice", 2)
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200
    assert "198.51.100.1" in page.content.decode()
