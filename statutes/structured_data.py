"""schema.org Legislation markup of an article page (the ELI vocabulary schema.org adopted): the
article as a Legislation that isPartOf the law's Legislation, with its identifier, dates, legal
force and the body that adopted it."""

from __future__ import annotations

from typing import Any

from seo.absolute import absolute_url
from statutes.models import Article, LawVersion

# schema.org's LegalForceStatus: an amended text is no longer the one in force.
# Keyed by the stored value: `status` reads back as a plain str.
LEGAL_FORCE: dict[str, str] = {
    LawVersion.Status.VALID: "https://schema.org/InForce",
    LawVersion.Status.AMENDED: "https://schema.org/NotInForce",
    LawVersion.Status.REPEALED: "https://schema.org/NotInForce",
}
CHINA = {"@type": "Country", "name": "中华人民共和国"}


def _law(version: LawVersion) -> dict[str, Any]:
    law = version.law
    node: dict[str, Any] = {
        "@type": "Legislation",
        "name": law.title,
        "url": absolute_url(version.get_absolute_url()),
        "legislationType": law.kind,
        "legislationPassedBy": {"@type": "Organization", "name": law.issuing_body},
        "legislationDate": version.version_date.isoformat(),
        "legislationLegalForce": LEGAL_FORCE[version.status],
        "legislationJurisdiction": CHINA,
        "inLanguage": "zh-CN",
    }
    if version.doc_number:
        node["legislationIdentifier"] = version.doc_number
    return node


def legislation(article: Article) -> dict[str, Any]:
    version = article.version
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"《{version.law.title}》{article.label}",
        "legislationIdentifier": f"{version.law.title}{article.label}",
        "text": article.text,
        "url": absolute_url(article.get_absolute_url()),
        "legislationDate": version.version_date.isoformat(),
        "legislationLegalForce": LEGAL_FORCE[version.status],
        "legislationJurisdiction": CHINA,
        "inLanguage": "zh-CN",
        "isPartOf": _law(version),
    }
