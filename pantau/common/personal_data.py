"""Find and mask what looks like personal data in text that is about to be public.

This is a safety net, not the rule: public text is a summary a person has approved. Whatever
reaches the public still passes through ``mask_personal_data`` so that a NIK, a KK number, an
Indonesian phone number, an e-mail address or the reporter's own name is never published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "[…]"

# 16 digits (NIK and KK), optionally grouped by spaces, dots or dashes.
_ID_NUMBER = re.compile(r"(?<!\d)\d(?:[ .\-]?\d){15}(?!\d)")
# Indonesian mobile numbers: 08…, +62 8…, 62 8…, with spaces, dashes or dots between groups.
_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .\-]?8(?:[ .\-]?\d){7,11}(?!\d)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


@dataclass(frozen=True)
class PersonalDataMatch:
    kind: str  # "id_number", "phone", "email" or "name"
    start: int
    end: int
    text: str


def find_personal_data(
    text: str, *, names: tuple[str, ...] | list[str] = ()
) -> list[PersonalDataMatch]:
    """Every stretch of ``text`` that looks like personal data, in order, without overlaps."""
    text = text or ""
    found: list[PersonalDataMatch] = []
    patterns: list[tuple[str, re.Pattern[str]]] = [
        ("email", _EMAIL),
        ("id_number", _ID_NUMBER),
        ("phone", _PHONE),
    ]
    for name in names:
        name = (name or "").strip()
        if len(name) >= 3:
            words = [re.escape(w) for w in name.split()]
            patterns.append(("name", re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)))
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            if not any(m.start() < f.end and f.start < m.end() for f in found):
                found.append(PersonalDataMatch(kind, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


def mask_personal_data(text: str, *, names: tuple[str, ...] | list[str] = ()) -> str:
    """``text`` with every match of ``find_personal_data`` replaced by ``MASK``."""
    text = text or ""
    out, pos = [], 0
    for f in find_personal_data(text, names=names):
        out.append(text[pos : f.start])
        out.append(MASK)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
