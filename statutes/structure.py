"""The 款/项 structure of an article's text, derived on read so the text stays the one source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ITEM_RE = re.compile(r"^（([一二三四五六七八九十]+)）")


@dataclass
class Paragraph:
    """One 款, numbered from 1, with its 项 (items) if it lists any."""

    number: int
    text: str
    items: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if ITEM_RE.match(line) and paragraphs:
            paragraphs[-1].items.append(line)
        else:
            paragraphs.append(Paragraph(number=len(paragraphs) + 1, text=line))
    return paragraphs
