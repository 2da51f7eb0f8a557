"""Bytes to text: binary sniffing, byte order marks, UTF-8, and detected legacy encodings.

News archives are full of windows-1252 and latin-1 files, and a scraped folder often holds a PDF
or an image with a .txt name. Both must be handled without a crash and without silently turning
"café" into "cafÃ©": a detected encoding is used but named in a warning, a file that is not text
is refused with a reason.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer
import webencodings

SNIFF_BYTES = 8192
"""How much of the start of a file decides whether it is binary."""

MAX_CHAOS = 0.1
"""Highest charset_normalizer "mess" ratio accepted for a detected encoding; above it the guess
is more likely wrong than right, and the file is refused rather than decoded into garbage."""

# Signatures of formats that turn up in scraped folders under a text name.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, .docx, .xlsx or .epub"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "executable"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_UTF16_32_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 control characters that do not occur in text (tab, newlines, form feed and the DOS
# end-of-file mark ^Z do).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A} | {0x7F}
_MAX_CONTROL_SHARE = 0.05

# When several encodings give exactly the same text, name the one the file most likely used.
_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15")


class NotText(ValueError):
    """The bytes are not text; `args[0]` is the reason, phrased for the user."""

    @property
    def reason(self) -> str:
        return str(self.args[0])


def utf16_32_bom(data: bytes) -> str | None:
    """The codec named by a UTF-16/UTF-32 byte order mark at the start of `data`, if any."""
    for bom, codec in _UTF16_32_BOMS:
        if data.startswith(bom):
            return codec
    return None


def binary_kind(head: bytes, allow_gzip: bool = False) -> str | None:
    """Why `head` (the first bytes of an input) looks binary, or None if it may be text.

    Call it before decoding: UTF-16 text is the one legitimate source of NUL bytes, so a
    UTF-16/32 byte order mark means text.
    """
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature) and not (allow_gzip and kind == "gzip data"):
            return kind
    if utf16_32_bom(head):
        return None
    head = head[:SNIFF_BYTES]
    if b"\x00" in head:
        return "contains NUL bytes"
    if head:
        controls = sum(1 for byte in head if byte in _CONTROL)
        if controls / len(head) > _MAX_CONTROL_SHARE:
            return "many control characters"
    return None


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode an input to text with universal newlines, plus warnings for a reader to keep.

    UTF-8 (with or without a BOM) decodes silently; a UTF-16/32 BOM or a detected legacy
    encoding decodes with a warning naming it. Raises `NotText` for binary or undecodable data.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NotText(f"binary file, not text ({kind})")
    codec = utf16_32_bom(data)
    if codec is not None:
        try:
            return normalize_newlines(data.decode(codec).removeprefix("\ufeff")), [
                f"decoded as {codec} (byte order mark)"
            ]
        except UnicodeDecodeError:
            raise NotText(f"undecodable text (byte order mark says {codec}, but it is not)") from None
    try:
        return normalize_newlines(data.decode("utf-8").removeprefix("\ufeff")), []
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is None:
        raise NotText("undecodable text (not UTF-8, encoding not detected)")
    codec, text = detected
    return normalize_newlines(text), [f"decoded as {encoding_name(codec)} (detected)"]


def _detect(data: bytes) -> tuple[str, str] | None:
    """The most likely legacy encoding of `data` and the text it gives, or None if unsure.
    Used by `decode_html` too."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    # charset_normalizer lists the encodings that decode to the very same text; for Western text
    # it tends to name cp1250 first although windows-1252 is what wrote the file.
    alternatives = best.could_be_from_charset
    codec = next((c for c in _PREFERRED if c in alternatives), best.encoding)
    try:
        return codec, data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return best.encoding, str(best)


def encoding_name(codec: str) -> str:
    """The name people use for a Python codec: cp1252 -> windows-1252, latin_1 -> iso-8859-1."""
    if codec.startswith("cp125"):
        return "windows-" + codec[2:]
    if codec == "latin_1":
        return "iso-8859-1"
    return codec.replace("iso8859_", "iso-8859-").replace("_", "-")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, as Python's text mode does: the same article saved on Windows
    and on Linux is the same document (and has the same content hash)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------------
# HTML pages

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """A page's bytes as text: (text, encoding name, whether the encoding was sniffed).

    The order is the browser's: a byte order mark, then the charset the caller was given (an
    HTTP Content-Type header), then a `<meta charset>` or `http-equiv` declaration near the
    start of the page. A declaration the bytes contradict (invalid UTF-8 said to be UTF-8) is
    passed over. Without a usable declaration, valid UTF-8 is UTF-8, and anything else is
    sniffed by charset_normalizer: the caller should warn, since that is a guess.
    Raises `NotText` for binary data or bytes no encoding explains.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NotText(f"binary file, not text ({kind})")
    bom = "utf-8" if data.startswith(codecs.BOM_UTF8) else utf16_32_bom(data)
    meta = _META_CHARSET.search(data[:SNIFF_BYTES])
    labels = [(bom, False), (declared, False), (meta[1].decode("ascii") if meta else None, True)]
    for label, from_meta in labels:
        codec = _html_codec(label, from_meta) if label else None
        if codec is None:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return normalize_newlines(text.removeprefix("\ufeff")), encoding_name(codec), False
    try:
        return normalize_newlines(data.decode("utf-8")), "utf-8", False
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is None:
        raise NotText("undecodable page (no usable charset declared, encoding not detected)")
    codec, text = detected
    return normalize_newlines(text), encoding_name(codec), True


def _html_codec(label: str, from_meta: bool) -> str | None:
    """The Python codec for a charset label as a browser reads it (the WHATWG Encoding
    Standard: "latin1" is windows-1252), or None for a label that names no text encoding
    ("base64", "rot13", "punycode" are codecs to Python, not page encodings).

    A page cannot declare itself UTF-16 in a `<meta>` tag it could only be read with an
    ASCII-compatible encoding, so browsers read that as UTF-8; so does this.
    """
    encoding = webencodings.lookup(label)
    if encoding is None or encoding.name == "x-user-defined":
        return None
    codec = encoding.codec_info.name
    if from_meta and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec
