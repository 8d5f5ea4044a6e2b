"""What the JSON-LD must say, per type: the fields Google documents for Q&A rich results
(developers.google.com/search/docs/appearance/structured-data/qapage) and schema.org's own
properties of each type (a property outside them is a typo search engines ignore)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_THING = {"name", "url", "description", "identifier", "sameAs", "image"}
_CREATIVE_WORK = _THING | {
    "text",
    "author",
    "dateCreated",
    "datePublished",
    "dateModified",
    "inLanguage",
    "isPartOf",
    "upvoteCount",
    "downvoteCount",
    "commentCount",
    "about",
    "mainEntity",
}
# schema.org type → (required, allowed)
TYPES: dict[str, tuple[set[str], set[str]]] = {
    "QAPage": ({"mainEntity"}, _CREATIVE_WORK),
    # Google: name and answerCount required; text, dateCreated and author recommended (required
    # here, the page always has them); acceptedAnswer / suggestedAnswer checked below.
    "Question": (
        {"name", "text", "answerCount", "dateCreated", "author"},
        _CREATIVE_WORK
        | {"answerCount", "acceptedAnswer", "suggestedAnswer", "eduQuestionType", "parentItem"},
    ),
    # Google: text required; author, dateCreated, upvoteCount and url recommended (required here).
    "Answer": (
        {"text", "author", "dateCreated", "upvoteCount", "url"},
        _CREATIVE_WORK | {"parentItem", "answerExplanation"},
    ),
    "Person": ({"name"}, _THING | {"jobTitle", "worksFor"}),
    "Organization": ({"name"}, _THING),
    "Country": ({"name"}, _THING),
    "Legislation": (
        {"name", "url", "legislationDate", "legislationLegalForce", "legislationJurisdiction"},
        _CREATIVE_WORK
        | {
            "legislationApplies",
            "legislationChanges",
            "legislationConsolidates",
            "legislationDate",
            "legislationDateVersion",
            "legislationIdentifier",
            "legislationJurisdiction",
            "legislationLegalForce",
            "legislationPassedBy",
            "legislationResponsible",
            "legislationTransposes",
            "legislationType",
            "jurisdiction",
        },
    ),
}
LEGAL_FORCE = {
    "https://schema.org/InForce",
    "https://schema.org/NotInForce",
    "https://schema.org/PartiallyInForce",
}
ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def validate(node: dict[str, Any], site: str) -> None:
    """Raise AssertionError where the node (and every node inside it) breaks the rules."""
    kind = node["@type"]
    required, allowed = TYPES[kind]
    keys = set(node) - {"@context", "@type"}
    assert required <= keys, f"{kind} lacks {required - keys}"
    assert keys <= allowed, f"{kind} has unknown {keys - allowed}"
    for key, value in node.items():
        if key in {"dateCreated", "datePublished", "dateModified"}:
            assert ISO_DATETIME.match(value), (key, value)
            datetime.fromisoformat(value)
        elif key in {"legislationDate", "legislationDateVersion"}:
            date.fromisoformat(value)
        elif key == "url":
            assert value.startswith(site + "/"), value
        elif key in {"answerCount", "upvoteCount"}:
            assert isinstance(value, int) and value >= 0, (key, value)
        elif key == "legislationLegalForce":
            assert value in LEGAL_FORCE, value
        elif key in {"name", "text"}:
            assert isinstance(value, str) and value.strip(), (key, value)
    if kind == "Question" and node["answerCount"]:
        answers = node.get("suggestedAnswer", []) + [node.get("acceptedAnswer")] * (
            "acceptedAnswer" in node
        )
        assert len(answers) == node["answerCount"]
    for value in node.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict):
                validate(child, site)
