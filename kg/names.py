"""Name normalisation shared by coreference, entity resolution and lookup.

Examples
--------
>>> normalize_name("The Wall Street Journal’s")
'wall street journal'
>>> normalize_name("the U.S.") == normalize_name("US")
True
>>> normalize_name("Zelenskyy  Volodymyr") == normalize_name("zelenskyy volodymyr")
True
>>> slugify("Xi Jinping"), slugify("Ça va, S.A.")
('xi-jinping', 'ca-va-s-a')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_name", "slugify", "strip_accents"]

_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def strip_accents(text: str) -> str:
    """Remove diacritics: ``"Mediaș"`` -> ``"Medias"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def normalize_name(text: str) -> str:
    """A matching key for a name: case-, accent-, article-, period- and possessive-blind."""
    key = strip_accents(text).casefold().replace("’", "'").strip()
    key = _POSSESSIVE.sub("", key)
    key = key.replace(".", "")
    key = re.sub(r"[^\w&'+-]+", " ", key).strip()
    key = _LEADING.sub("", key)
    return " ".join(key.split())


def slugify(text: str) -> str:
    """A readable, IRI-safe identifier made of ``a-z0-9`` and hyphens."""
    ascii_text = strip_accents(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"
