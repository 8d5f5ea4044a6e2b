"""A lawyer's verification: apply, then an admin verifies, rejects or revokes."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from consult.models import Category, LawyerProfile
from consult.services.notifications import LAWYER_DECISIONS, notify
from portal import page_cache

Status = LawyerProfile.Status

# Which decision may follow which state. Revoking applies to verified lawyers only;
# a rejected or revoked lawyer may be verified again after a new review. A verified lawyer
# who changes the name or licence number the verification checked goes back into review.
_ALLOWED = {
    Status.VERIFIED: {Status.PENDING, Status.REJECTED, Status.REVOKED},
    Status.REJECTED: {Status.PENDING},
    Status.REVOKED: {Status.VERIFIED},
    Status.PENDING: {Status.VERIFIED},
}
# What the verification vouched for: changing either needs a new review.
REVIEWED_FIELDS = ("real_name", "license_number")


class TransitionError(ValueError):
    pass


@transaction.atomic
def lawyer_apply(
    *,
    user: User,
    real_name: str,
    license_number: str,
    law_firm: str,
    region: str,
    practice_areas: Iterable[Category],
    bio: str = "",
) -> LawyerProfile:
    """Apply (or, after a rejection, apply again) to be verified as a lawyer."""
    profile = LawyerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = LawyerProfile(user=user)
    elif profile.status not in (Status.PENDING, Status.REJECTED):
        raise TransitionError(f"您的律师认证状态为{profile.get_status_display()}，不能重新申请。")
    profile.real_name = real_name.strip()
    profile.license_number = license_number.strip()
    profile.law_firm = law_firm.strip()
    profile.region = region.strip()
    profile.bio = bio.strip()
    profile.status = Status.PENDING
    profile.status_changed_at = None
    profile.status_changed_by = None
    profile.full_clean()
    profile.save()
    profile.practice_areas.set(practice_areas)
    page_cache.bump(page_cache.LISTS)  # a lawyer's card or profile may have changed
    return profile


@transaction.atomic
def lawyer_set_status(
    *, profile: LawyerProfile, status: str, by: User, note: str = ""
) -> LawyerProfile:
    """Record an admin's decision on a lawyer, with who and when (kept in the history too)."""
    profile = LawyerProfile.objects.select_for_update().get(pk=profile.pk)
    target = Status(status)
    if profile.status not in _ALLOWED.get(target, set()):
        raise TransitionError(f"不能把{profile.get_status_display()}的律师设为{target.label}。")
    if target == Status.VERIFIED:
        holder = verified_holder_of(profile)
        if holder is not None:
            raise TransitionError(
                f"执业证号 {profile.license_number} 已由认证律师 {holder.real_name}"
                f"（用户 {holder.user.username}）使用，请先核实哪一位是本人。"
            )
    profile.status = target
    profile.status_changed_at = timezone.now()
    profile.status_changed_by = by
    profile.status_note = note[:200]
    profile._change_reason = f"{by.username}：{target.label}"
    profile.full_clean()
    profile.save()
    # Cards, profiles and the directory show only verified lawyers as such.
    page_cache.bump(page_cache.LISTS)
    if target in LAWYER_DECISIONS:
        notify(recipient=profile.user, kind=LAWYER_DECISIONS[target], note=profile.status_note)
    return profile


@transaction.atomic
def lawyer_update_profile(
    *,
    profile: LawyerProfile,
    by: User,
    real_name: str,
    license_number: str,
    law_firm: str,
    region: str,
    practice_areas: Iterable[Category],
    bio: str = "",
) -> LawyerProfile:
    """A verified lawyer edits their profile. Firm, region, practice areas and bio change at
    once; a changed name or licence number sends the profile back into review (pending, until
    an admin verifies it again), recorded in the history like an admin's decision."""
    profile = LawyerProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.user_id != by.pk or profile.status != Status.VERIFIED:
        raise TransitionError("只有通过认证的律师本人可以修改执业资料。")
    real_name, license_number = real_name.strip(), license_number.strip()
    needs_review = (real_name, license_number) != (profile.real_name, profile.license_number)
    profile.real_name = real_name
    profile.license_number = license_number
    profile.law_firm = law_firm.strip()
    profile.region = region.strip()
    profile.bio = bio.strip()
    if needs_review:
        if profile.status not in _ALLOWED[Status.PENDING]:  # the one table of transitions
            raise TransitionError("当前认证状态不能重新审核。")
        profile.status = Status.PENDING
        profile.status_changed_at = timezone.now()
        profile.status_changed_by = by
        profile.status_note = "修改了姓名或执业证号，等待重新审核。"
        profile._change_reason = f"{by.username}：修改姓名或执业证号，重新审核"
    else:
        profile._change_reason = f"{by.username}：修改执业资料"
    profile.full_clean()
    # Only the edited fields: the helped count is the counters' to write.
    profile.save(
        update_fields=[
            "real_name",
            "license_number",
            "law_firm",
            "region",
            "bio",
            "status",
            "status_changed_at",
            "status_changed_by",
            "status_note",
        ]
    )
    profile.practice_areas.set(practice_areas)
    page_cache.bump(page_cache.LISTS)  # cards, profiles and the directory show these
    return profile


def verified_holder_of(profile: LawyerProfile) -> LawyerProfile | None:
    """Another lawyer already verified under the same licence number, if any."""
    return (
        LawyerProfile.objects.verified()
        .filter(license_number=profile.license_number)
        .exclude(pk=profile.pk)
        .select_related("user")
        .first()
    )
