"""Reading a large XML export safely: streamed, no entity ever expanded, every size capped.

The prolog (declaration, comments, the DOCTYPE with its DTD) is read past and never parsed: the
parser starts at the root element, so any later `<!DOCTYPE` or `&entity;` is an error, and expat
refuses every entity or DTD declaration besides. A token (one attribute, say) over TOKEN_MAX and a
stream that unpacks past its `limit` are refused as they grow, so a hostile file costs seconds and
little memory. Only `start(tag, attributes)` is called: no tree is built.
"""

from __future__ import annotations

import re
from codecs import BOM_UTF8 as BOM
from collections.abc import Callable
from typing import IO, Any, NoReturn, Protocol
from xml.parsers import expat

from tui.core.errors import FileProblem

CHUNK = 1 << 20
#: The longest run of bytes without a new element (one attribute, say): real ones are far below.
TOKEN_MAX = 16 << 20
#: Read past at most this much before the root element (the DTD of real exports is ~10 kB).
PROLOG_MAX = 16 << 20
NO_ELEMENTS = expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]
_PROLOG_STARTS = (b"<?", b"<!--", b"<!DOCTYPE")
_START_TAG = re.compile(rb"<[A-Za-z_:]")
_TAG_NAME = re.compile(rb"<([A-Za-z_:][^\s/>]*)")
#: Control characters XML 1.0 forbids; some exports carry a stray vertical tab (\x0b) in a name.
#: They are single bytes never part of a UTF-8 sequence, so deleting them per chunk is safe.
_FORBIDDEN = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


class Handler(Protocol):
    """What the stream calls: `start` for each element; `elements` counts them."""

    elements: int

    def start(self, tag: str, attrib: dict[str, str]) -> None: ...


class _Declared(Exception):
    """The document tried to declare a DTD or an entity: never expanded, refused."""


def _refuse_declaration(*_args: object) -> NoReturn:
    raise _Declared


def _new_parser(handler: Handler) -> Any:
    """Expat with every way to declare or fetch an entity refused (the prolog is never fed)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_declaration
    parser.EntityDeclHandler = _refuse_declaration
    parser.UnparsedEntityDeclHandler = _refuse_declaration
    parser.ExternalEntityRefHandler = _refuse_declaration
    parser.StartElementHandler = handler.start
    return parser


def stream_elements(
    stream: IO[bytes],
    name: str,
    handler: Handler,
    *,
    kind: str,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    limit: tuple[int, str] | None = None,
) -> None:
    """Feed the document to `handler`; raise `FileProblem` (one line) if it is not sound.

    `kind` names what the file should be ("Apple Health export"); `limit` is (most bytes, why)
    for a stream that must not unpack past a size. Exceptions from `handler` pass through.
    """
    parser = _new_parser(handler)
    skipped_lines = 0
    try:
        chunk, done, skipped_lines = skip_prolog(stream, name, kind=kind)
        seen = stalled = 0
        while chunk:
            parser.Parse(chunk.translate(None, _FORBIDDEN), False)
            if progress is not None:
                progress(done, total)
            # Expat holds an unfinished token whole: a run with no new element is a token that
            # keeps growing (one huge attribute), refused before it can fill the memory.
            stalled = stalled + len(chunk) if handler.elements == seen else 0
            seen = handler.elements
            if stalled > TOKEN_MAX:
                raise FileProblem(
                    f"{name}: not an {kind} (it holds an element or attribute over "
                    f"{TOKEN_MAX >> 20} MB, which no phone writes)"
                )
            if limit is not None and done > limit[0]:
                raise FileProblem(f"{name}: not an {kind} ({limit[1]})")
            chunk = stream.read(CHUNK)
            done += len(chunk)
        parser.Parse(b"", True)
    except _Declared:
        raise FileProblem(
            f"{name}: not an {kind} (it declares a DTD or entities after its start, "
            "which no phone writes)"
        ) from None
    except expat.ExpatError as err:
        what = "cut off" if err.code == NO_ELEMENTS else "not well-formed XML"
        where = f"{expat.ErrorString(err.code)} at line {err.lineno + skipped_lines}"
        raise FileProblem(f"{name}: not a complete {kind} ({what}: {where})") from None


def skip_prolog(
    stream: IO[bytes], name: str, *, kind: str, peek: bool = False
) -> tuple[bytes, int, int]:
    """Read past the prolog (declaration, comments, DOCTYPE) to the root's start tag.

    Returns the bytes from the root's `<` on, how many bytes were read, and the lines before
    the root (so that an error's line number counts from the top of the file). The DOCTYPE is never
    parsed (iOS 16 wrote a broken one, and a DTD is where entities hide): it is skipped up to the
    first start tag, so the parser sees a document without one, where any later `<!DOCTYPE` or
    `&entity;` is an error. A prolog over PROLOG_MAX is refused.
    """
    buf = b""
    read = lines = 0
    mode = ""  # "" between items; "?>" or "-->" inside one; "dtd" inside the DOCTYPE
    while True:
        chunk = stream.read(CHUNK)
        if not read and chunk.startswith(BOM):
            chunk = chunk[len(BOM) :]
        read += len(chunk)
        lines += chunk.count(b"\n")
        buf += chunk
        while buf:
            if mode == "":
                buf = buf.lstrip(b" \t\r\n")
                if buf.startswith(b"<?"):
                    mode, buf = "?>", buf[2:]
                elif buf.startswith(b"<!--"):
                    mode, buf = "-->", buf[4:]
                elif buf.startswith(b"<!DOCTYPE"):
                    mode, buf = "dtd", buf[9:]
                elif chunk and any(m.startswith(buf) for m in _PROLOG_STARTS):
                    break  # too short to tell yet
                elif buf[:1] == b"<":
                    return buf, read, lines - buf.count(b"\n")
                elif buf:
                    raise FileProblem(f"{name}: not an {kind} (not an XML file)")
            elif mode == "dtd":
                found = _START_TAG.search(buf)
                if found is None:
                    buf = buf[-1:]
                    break
                buf = buf[found.start() :]
                return buf, read, lines - buf.count(b"\n")
            else:
                end = buf.find(mode.encode())
                if end < 0:
                    buf = buf[-2:]
                    break
                buf, mode = buf[end + len(mode) :], ""
        if not chunk:
            what = "empty" if read == 0 else "cut off before its first element"
            raise FileProblem(f"{name}: {what}, not an {kind}")
        if read > PROLOG_MAX:
            if peek:
                return b"", read, 0
            raise FileProblem(
                f"{name}: not an {kind} (no element in its first {PROLOG_MAX >> 20} MB)"
            )


def root_name(head: bytes) -> str:
    match = _TAG_NAME.match(head)
    return match[1].decode("utf-8", "replace") if match else ""
