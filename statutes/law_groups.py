"""The 法律法规库 page's order: laws grouped by kind, each group in an order a reader expects
(刑法 first among the criminal laws, then the laws that go with it), not in code-point order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from statutes.models import Law, LawVersion

KIND_ORDER = (Law.Kind.LAW, Law.Kind.INTERPRETATION, Law.Kind.REGULATION)

# Law slugs, by subject: criminal law and procedure, then personal information and data, then
# civil, labour and commercial law, then administrative matters. A law missing here follows the
# listed ones of its kind, by title.
LAW_ORDER = (
    "criminal-law",
    "criminal-law-amendment-9",
    "criminal-procedure-law",
    "public-security-penalties-law",
    "personal-information-protection-law",
    "data-security-law",
    "cybersecurity-law",
    "civil-code",
    "civil-procedure-law",
    "labor-contract-law",
    "consumer-rights-law",
    "company-law",
    "trademark-law",
    "food-safety-law",
    "road-traffic-safety-law",
    "administrative-penalty-law",
    "land-administration-law",
    "pi-crime-interpretation-2017",
    "road-traffic-safety-regulations",
    "enterprise-income-tax-regulations",
)


@dataclass(frozen=True)
class LawEntry:
    law: Law
    # The version in force, else the newest one (whose status says 已修改 or 已废止).
    version: LawVersion | None


@dataclass(frozen=True)
class LawGroup:
    kind: str
    entries: list[LawEntry]


def _position(law: Law) -> tuple[int, str]:
    try:
        return LAW_ORDER.index(law.slug), ""
    except ValueError:
        return len(LAW_ORDER), law.title


def group_laws(laws: Iterable[Law], versions: Iterable[LawVersion]) -> list[LawGroup]:
    """Laws by kind (法律, 司法解释, 行政法规, then any other), each with the version to show."""
    shown: dict[int, LawVersion] = {}
    for version in sorted(versions, key=lambda v: (v.is_current, v.version_date)):
        shown[version.law_id] = version  # the last wins: in force, else the newest
    by_kind: dict[str, list[LawEntry]] = {}
    for law in sorted(laws, key=_position):
        by_kind.setdefault(law.kind, []).append(LawEntry(law, shown.get(law.pk)))
    kinds = [*KIND_ORDER, *sorted(set(by_kind) - set(KIND_ORDER))]
    return [LawGroup(str(kind), by_kind[kind]) for kind in kinds if kind in by_kind]
