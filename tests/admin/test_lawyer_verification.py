"""Verifying, rejecting and revoking lawyers through the admin actions."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import LawyerProfile, Notification
from tests.factories import make_lawyer, make_user

pytestmark = pytest.mark.django_db
Status = LawyerProfile.Status
CHANGELIST = reverse("admin:consult_lawyerprofile_changelist")


def act(client: Client, action: str, *profiles: LawyerProfile, note: str = "材料核实结果"):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [p.pk for p in profiles], "note": note},
        follow=True,
    )


def test_an_admin_verifies_a_pending_lawyer_and_who_and_when_are_kept(
    admin_client: Client, admin_user
) -> None:
    profile = make_lawyer(status=Status.PENDING)
    response = act(admin_client, "mark_verified", profile)
    assert "已认证 1 位律师" in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == Status.VERIFIED
    assert profile.status_changed_by == admin_user
    assert profile.status_changed_at is not None
    latest = profile.history.first()
    assert latest.status == Status.VERIFIED
    assert latest.history_user == admin_user


def test_an_admin_rejects_a_pending_application(admin_client: Client) -> None:
    profile = make_lawyer(status=Status.PENDING)
    act(admin_client, "mark_rejected", profile)
    profile.refresh_from_db()
    assert profile.status == Status.REJECTED


def test_revoking_a_verified_lawyer_is_recorded(admin_client: Client) -> None:
    profile = make_lawyer(status=Status.VERIFIED)
    act(admin_client, "mark_revoked", profile)
    profile.refresh_from_db()
    assert profile.status == Status.REVOKED
    assert [h.status for h in profile.history.all()][:2] == [Status.REVOKED, Status.VERIFIED]


def test_a_decision_that_does_not_follow_is_refused_with_a_message(admin_client: Client) -> None:
    pending = make_lawyer(status=Status.PENDING)
    response = act(admin_client, "mark_revoked", pending)
    assert "不能把待审核的律师设为已撤销" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_staff_without_the_change_permission_cannot_decide() -> None:
    clerk = make_user("clerk", is_staff=True)
    client = Client()
    client.force_login(clerk)
    profile = make_lawyer(status=Status.PENDING)
    response = act(client, "mark_verified", profile)
    assert response.status_code == 403
    profile.refresh_from_db()
    assert profile.status == Status.PENDING


def test_the_status_cannot_be_typed_into_the_change_form(admin_client: Client) -> None:
    profile = make_lawyer(status=Status.PENDING)
    url = reverse("admin:consult_lawyerprofile_change", args=[profile.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="status"' not in page


def test_applications_sharing_a_licence_number_are_shown_to_the_admin(
    admin_client: Client,
) -> None:
    holder = make_lawyer(status=Status.VERIFIED, license_number="11101201800000001")
    claimant = make_lawyer(status=Status.PENDING, license_number="11101201800000001")
    unrelated = make_lawyer(status=Status.PENDING, license_number="11101201800000002")
    listed = admin_client.get(CHANGELIST, {"duplicate_license": "yes"}).context["cl"].result_list
    assert {p.pk for p in listed} == {holder.pk, claimant.pk}
    assert unrelated.pk not in {p.pk for p in listed}


def test_a_second_lawyer_is_not_verified_under_a_number_already_verified(
    admin_client: Client,
) -> None:
    holder = make_lawyer(
        make_user("holder"), status=Status.VERIFIED, license_number="11101201800000001"
    )
    claimant = make_lawyer(status=Status.PENDING, license_number="11101201800000001")
    response = act(admin_client, "mark_verified", claimant)
    assert "执业证号 11101201800000001 已由认证律师" in response.content.decode()
    assert "holder" in response.content.decode()
    claimant.refresh_from_db()
    assert claimant.status == Status.PENDING
    # Once the holder's verification is revoked, the rightful owner can be verified.
    act(admin_client, "mark_revoked", holder)
    act(admin_client, "mark_verified", claimant)
    claimant.refresh_from_db()
    assert claimant.status == Status.VERIFIED


def test_rejecting_or_revoking_without_a_reason_is_refused_in_chinese(
    admin_client: Client,
) -> None:
    pending = make_lawyer(status=Status.PENDING)
    response = act(admin_client, "mark_rejected", pending, note="  ")
    assert "驳回律师时请填写审核说明" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_the_lawyer_is_notified_of_a_rejection_with_the_reason_in_the_site_and_by_mail(
    admin_client: Client, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    profile = make_lawyer(status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, "mark_rejected", profile, note="执业证照片不清晰")
    notification = Notification.objects.get(recipient=profile.user)
    assert notification.kind == Notification.Kind.LAWYER_REJECTED
    assert notification.note == "执业证照片不清晰"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "您的律师认证申请未通过"
    assert "执业证照片不清晰" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("before", "action", "kind"),
    [
        (Status.PENDING, "mark_verified", "lawyer_verified"),
        (Status.VERIFIED, "mark_revoked", "lawyer_revoked"),
    ],
)
def test_verifying_and_revoking_notify_the_lawyer(
    admin_client: Client,
    mailoutbox,
    django_capture_on_commit_callbacks,
    before: str,
    action: str,
    kind: str,
) -> None:
    profile = make_lawyer(status=before)
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, action, profile, note="说明")
    assert list(profile.user.notifications.values_list("kind", "note")) == [(kind, "说明")]
    assert len(mailoutbox) == 1
