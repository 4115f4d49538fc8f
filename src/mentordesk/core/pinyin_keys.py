"""Chinese names as Chinese users look them up and order them: by their pinyin.

A name's key is its full pinyin without tones, then its initials: 张伟 → "zhangwei zw", so that
typing ``zhang``, ``zhangw`` or ``zw`` finds it, and lists order it among Latin names as
"zhangwei". A name without Chinese characters keys as itself, case-folded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .text import clean, folded

# The column holding the key; a key is cut to fit it (a name is at most 200 characters).
KEY_LENGTH = 400

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@cache
def _readings() -> dict[int, str]:
    # Imported on the first name written, not at start: the character table alone is large.
    # Characters, not phrases: a name's characters are read one by one (phrase readings would
    # read a surname as the phrase it happens to begin).
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


@cache
def _syllable(char: str) -> str:
    """The character's most common reading, without tones; ü written v as pinyin keyboards do."""
    reading = unicodedata.normalize("NFD", _readings().get(ord(char), "").split(",")[0])
    return "".join(c for c in reading.replace("u\u0308", "v") if c.isascii())


# Each character met so far and its syllable ("" when it is not Chinese): a roster of tens of
# thousands of names spells them with a few thousand characters.
_SYLLABLES: dict[str, str] = {}


def name_key(name: object) -> str:
    """The search and sort key of ``name`` (see the module's description)."""
    text = folded(clean(name))
    if not _HAN.search(text):
        return text[:KEY_LENGTH]
    words: list[str] = []
    latin = ""
    for char in text:
        syllable = _SYLLABLES.get(char)
        if syllable is None:
            syllable = _SYLLABLES[char] = _syllable(char) if _HAN.match(char) else ""
        if syllable or char.isspace():
            if latin:
                words.append(latin)
                latin = ""
            if syllable:
                words.append(syllable)
        else:
            latin += char
    if latin:
        words.append(latin)
    full = "".join(words)[: KEY_LENGTH * 3 // 4]
    initials = "".join(w[0] for w in words)[: KEY_LENGTH - len(full) - 1]
    return f"{full} {initials}"
