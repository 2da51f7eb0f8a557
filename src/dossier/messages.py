"""Messages for people: errors as one line, whatever the exception carries."""
from __future__ import annotations


def one_line(e: BaseException) -> str:
    """An exception as one line: database errors carry the SQL and a link on further lines."""
    text = str(getattr(e, "orig", None) or e).strip().splitlines()
    return f"{type(e).__name__}: {text[0] if text else ''}"
