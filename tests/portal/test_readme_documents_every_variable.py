"""Every environment variable the settings and gunicorn's config read is in the README."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READERS = [ROOT / "portal" / "settings.py", ROOT / "portal" / "gunicorn.conf.py"]


def test_every_variable_read_is_documented() -> None:
    read = {
        name
        for reader in READERS
        for name in re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', reader.read_text())
    }
    readme = (ROOT / "README.md").read_text()

    assert len(read) > 20
    assert sorted(name for name in read if f"`{name}`" not in readme) == []
