"""Split a byte stream into lines, bounded: a 100 MB line is drained and reported, never held.

Lines end at ``b"\\n"`` only (a lone CR, U+2028 or a form feed are not line ends);
one trailing ``b"\\r"`` is dropped. Chunks that are nothing but whitespace are counted
without being split, so a stream of a billion newlines takes seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

HEAD_BYTES = 4096


class Line(NamedTuple):
    number: int          # 1-based physical line number in the decompressed stream
    offset: int          # byte offset of the line's start
    data: bytes


class LongLine(NamedTuple):
    number: int
    offset: int
    size: int
    head: bytes          # the first HEAD_BYTES, for the reject record


class BlankRun(NamedTuple):
    number: int
    blank_lines: int


Piece = Line | LongLine | BlankRun


def read_lines(chunks: Iterable[bytes], max_line_bytes: int) -> Iterator[Piece]:
    pending = bytearray()
    dropping = 0                   # bytes of an over-long line drained so far
    head = b""
    number, line_start, base = 1, 0, 0

    def finish_line(rest: bytes) -> Piece:
        nonlocal pending, dropping, head
        if dropping:
            piece: Piece = LongLine(number, line_start, dropping + len(rest), head)
        elif len(pending) + len(rest) > max_line_bytes:
            piece = LongLine(number, line_start, len(pending) + len(rest), bytes((pending + rest)[:HEAD_BYTES]))
        else:
            data = bytes(pending + rest) if pending else rest
            piece = Line(number, line_start, data[:-1] if data.endswith(b"\r") else data)
        pending, dropping, head = bytearray(), 0, b""
        return piece

    for chunk in chunks:
        if not dropping and chunk.isspace() and (not pending or pending.isspace()):
            newlines = chunk.count(b"\n")
            if newlines:
                yield BlankRun(number, newlines)
                number += newlines
                last = chunk.rindex(b"\n") + 1
                line_start = base + last
                pending = bytearray(chunk[last:])
            else:
                pending = bytearray(chunk)
            base += len(chunk)
            continue
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            if end < 0:
                rest = chunk[start:]
                if dropping:
                    dropping += len(rest)
                else:
                    pending += rest
                    if len(pending) > max_line_bytes:
                        dropping, head, pending = len(pending), bytes(pending[:HEAD_BYTES]), bytearray()
                break
            yield finish_line(chunk[start:end])
            number += 1
            start = end + 1
            line_start = base + start
        base += len(chunk)
    if pending or dropping:
        yield finish_line(b"")
