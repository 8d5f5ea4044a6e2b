"""The shipped starting set of law aliases (statutes/data/aliases.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from statutes.models import Law, LawAlias

ALIASES_FILE = Path(__file__).resolve().parent / "data" / "aliases.toml"


def load_aliases(path: Path = ALIASES_FILE) -> int:
    """Add the shipped aliases that are missing (of laws that exist); curators' rows are kept,
    an alias a curator moved to another law stays there. Returns how many were added."""
    shipped = tomllib.loads(path.read_text(encoding="utf-8"))["aliases"]
    laws = {law.slug: law for law in Law.objects.filter(slug__in=shipped)}
    existing = set(LawAlias.objects.values_list("alias", flat=True))
    new = [
        LawAlias(law=laws[slug], alias=alias)
        for slug, aliases in shipped.items()
        if slug in laws
        for alias in aliases
        if alias not in existing
    ]
    LawAlias.objects.bulk_create(new)
    return len(new)
