"""Which text encoding a CSV is in: the BOM, strict UTF-8, else the legacy Cyrillic code page whose text reads
most like Russian.

Excel in a Russian locale saves "CSV" in cp1251; old 1C and DOS tools write cp866; some mail and Unix tools
koi8-r. A general detector (charset-normalizer) often picks MacCyrillic for short cp1251 files, which turns
"Ваш SKU" into "¬аш SKU" and mangles Cyrillic SKUs; MacCyrillic practically never occurs in these files, so
it is never chosen automatically (the person can still pick it). Among cp1251, cp866 and koi8-r, a reading
with fewer box-drawing characters wins outright: cp1251's capitals, «», № and ё read as cp866 become box
drawing, as do koi8-r's small letters read as cp866 and cp866's small letters read as koi8-r, and a catalog
holds none. Between readings with as many (cp1251 has no box drawing, so a cp866 file read as cp1251 ties
with its true reading; so do all-lowercase texts), the decoded text is scored: frequent Russian letters
count for it; odd symbols, and a capital letter right after a small one inside a word, count against it
(cp1251 read as koi8-r swaps the cases). A score alone let a few rows of "Ёж"/"Ёлка" (ё is rare in prose)
outweigh three box-drawing capitals in the header and read a cp1251 file as cp866.
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter

from ymdesk.core.sheets import errors as errors

# Encodings the person can pick (the CLI's --encoding, the app's picker), as Python codec names.
CHOICES = ("utf-8", "utf-8-sig", "utf-16", "cp1251", "cp866", "koi8-r", "mac-cyrillic")
LEGACY = ("cp1251", "koi8-r", "cp866")  # tried in this order; an equal score keeps the earlier one
_SAMPLE_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# Letter frequencies of Russian text, per cent (ё counted apart from е).
_FREQUENCY = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73, "в": 4.54,
    "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74,
    "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64,
    "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
}  # fmt: skip
_LETTER_SCORE = {letter: math.log(share / 2.0) for letter, share in _FREQUENCY.items()}  # "о" +1.7 .. "ъ" -3.9
_LETTER_SCORE.update({letter.upper(): score for letter, score in _LETTER_SCORE.items()})
# Non-ASCII characters Russian business text does hold besides letters.
_USUAL_SYMBOLS = frozenset("«»№—–…“”„‘’•°±×€₽\u00a0")
_ODD_SYMBOL = -6.0
_CASE_FLIP = -6.0
_SMALL_THEN_CAPITAL = re.compile(r"[а-яё][А-ЯЁ]")
_BOX_DRAWING = re.compile("[\u2500-\u259f]")  # box drawing and block elements: ─ │ ┌ ╗ ░ ▒ ▓ █ ▀ ▄ …


def label(encoding: str) -> str:
    """The codec name as ymdesk shows and accepts it ("koi8_r" -> "koi8-r")."""
    return codecs.lookup(encoding).name


def check_choice(encoding: str) -> str:
    """A codec name the person typed, as `label` gives it; UserError for an unknown one."""
    try:
        return label(encoding)
    except LookupError as exc:
        raise errors.fail(errors.UNKNOWN_ENCODING, encoding=encoding, known=", ".join(CHOICES)) from exc


def decode(raw: bytes, name: str, forced: str | None = None) -> tuple[str, str]:
    """The text of `raw` and the encoding it was read in (a `label`).

    With `forced`, that encoding (a BOM it starts with is dropped). Otherwise: a BOM, then strict UTF-8,
    then the likeliest of cp1251, koi8-r and cp866 by `plausibility`.
    """
    if forced is not None:
        return _decode_forced(raw, name, check_choice(forced))
    for bom, encoding, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), encoding
            except UnicodeDecodeError as exc:
                raise errors.fail(errors.ENCODING, name=name) from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in likeliest_legacy(raw[:_SAMPLE_BYTES]):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue  # cp1251 leaves 0x98 undefined: such a file is in another code page
    raise errors.fail(errors.ENCODING, name=name)


def _decode_forced(raw: bytes, name: str, encoding: str) -> tuple[str, str]:
    codec = {"utf-8": "utf-8-sig"}.get(encoding, encoding)  # a UTF-8 BOM is not text
    try:
        return raw.decode(codec), encoding
    except UnicodeDecodeError as exc:
        raise errors.fail(errors.NOT_IN_ENCODING, name=name, encoding=encoding) from exc


def likeliest_legacy(sample: bytes) -> list[str]:
    """cp1251, koi8-r and cp866, most plausible first (the ones that cannot decode the sample last)."""
    scored: list[tuple[int, float, int, str]] = []
    for order, encoding in enumerate(LEGACY):
        text = sample.decode(encoding, errors="replace")
        scored.append((len(_BOX_DRAWING.findall(text)), -plausibility(text), order, encoding))
    return [encoding for *_, encoding in sorted(scored)]


def plausibility(text: str) -> float:
    """How much `text` reads like Russian, per non-ASCII character (higher is likelier)."""
    counts = Counter(text)
    total = 0.0
    other = 0
    for char, count in counts.items():
        if char < "\x80":
            continue
        other += count
        score = _LETTER_SCORE.get(char)
        if score is not None:
            total += score * count
        elif char not in _USUAL_SYMBOLS:
            total += _ODD_SYMBOL * count
    if not other:
        return 0.0
    total += _CASE_FLIP * len(_SMALL_THEN_CAPITAL.findall(text))
    return total / other
