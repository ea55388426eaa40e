"""Compressed streams, recognised by their magic bytes, decoded in bounded pieces.

Every decoder reports a stream that ends early (python-zstandard's stream reader does
not), reads concatenated gzip members and zstd/xz/bz2 frames whole, and hands out
output in pieces of at most ``OUT_CHUNK`` bytes, so a decompression bomb costs CPU
time up to the configured limit, never memory.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO, Protocol

from ..core.errors import ReadFailure

MAGIC = {b"\x1f\x8b": "gzip", b"BZh": "bz2", b"\xfd7zXZ\x00": "xz", b"\x28\xb5\x2f\xfd": "zstd"}
EXTENSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}
OUT_CHUNK = 1 << 20
IN_CHUNK = 1 << 16
ZSTD_IN_CHUNK = 1 << 10      # zstd has no output bound per call: 1 KiB of a bomb is ~32 MiB
ZSTD_MAX_WINDOW = 1 << 27     # 128 MiB, python-zstandard's default
XZ_MEMLIMIT = 1 << 28         # 256 MiB: xz's own default presets need at most 94 MiB to decode


class StreamError(ReadFailure):
    """A compressed input is damaged: ``reason`` is ``truncated_input`` or ``corrupt_input``."""


def sniff(head: bytes) -> str | None:
    """The compression of a stream from its first bytes, or None for plain data."""
    for magic, name in MAGIC.items():
        if head.startswith(magic):
            return name
    return None


class Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...
    def finish(self) -> None: ...


class StdlibDecoder:
    """gzip (zlib), bz2 and xz: their decompressors take an output bound per call."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.member = self.new_member()
        self.started = False

    def new_member(self) -> Any:
        if self.kind == "gzip":
            return zlib.decompressobj(31)
        return bz2.BZ2Decompressor() if self.kind == "bz2" else lzma.LZMADecompressor(memlimit=XZ_MEMLIMIT)

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            while data:
                self.started = True
                if self.kind == "gzip":
                    out = self.member.decompress(data, OUT_CHUNK)
                    data = self.member.unconsumed_tail
                else:
                    out = self.member.decompress(data, OUT_CHUNK)
                    data = b""
                    while not self.member.eof and not self.member.needs_input:
                        yield out
                        out = self.member.decompress(b"", OUT_CHUNK)
                if out:
                    yield out
                if self.member.eof:
                    data = self.member.unused_data + data
                    self.member = self.new_member()
                    self.started = False
        except (zlib.error, OSError, EOFError, lzma.LZMAError) as error:
            raise StreamError("corrupt_input", f"{self.kind}: {error}") from None

    def finish(self) -> None:
        if self.started:
            raise StreamError("truncated_input",
                              f"{self.kind}: compressed file ended before the end-of-stream marker was reached")


class ZstdDecoder:
    def __init__(self, max_window: int = ZSTD_MAX_WINDOW) -> None:
        import zstandard
        self.zstandard = zstandard
        self.context = zstandard.ZstdDecompressor(max_window_size=max_window)
        self.frame = self.context.decompressobj()
        self.started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            for start in range(0, len(data), ZSTD_IN_CHUNK):
                piece = data[start:start + ZSTD_IN_CHUNK]
                while piece:
                    self.started = True
                    out = self.frame.decompress(piece)
                    piece = b""
                    if self.frame.eof:
                        piece = self.frame.unused_data
                        self.frame = self.context.decompressobj()
                        self.started = False
                    for offset in range(0, len(out), OUT_CHUNK):
                        yield out[offset:offset + OUT_CHUNK]
        except self.zstandard.ZstdError as error:
            detail = f"zstd: {error}"
            if "too much memory" in str(error) or "window" in str(error).lower():
                detail += " (raise the limit with --zstd-max-window if you trust this file)"
            raise StreamError("corrupt_input", detail) from None

    def finish(self) -> None:
        if self.started:
            raise StreamError("truncated_input", "zstd: compressed file ended in the middle of a frame")


def decoder_for(kind: str, zstd_max_window: int = ZSTD_MAX_WINDOW) -> Decoder:
    return ZstdDecoder(zstd_max_window) if kind == "zstd" else StdlibDecoder(kind)


def decompressed_chunks(stream: BinaryIO, kind: str | None, head: bytes = b"",
                        zstd_max_window: int = ZSTD_MAX_WINDOW) -> Iterator[bytes]:
    """The decompressed bytes of ``stream`` (whose first bytes ``head`` were already read)."""
    chunk_size = ZSTD_IN_CHUNK * 64 if kind == "zstd" else IN_CHUNK
    if kind is None:
        if head:
            yield head
        while chunk := stream.read(OUT_CHUNK):
            yield chunk
        return
    decoder = decoder_for(kind, zstd_max_window)
    data = head
    while True:
        if data:
            yield from decoder.feed(data)
        data = stream.read(chunk_size)
        if not data:
            break
    decoder.finish()


def open_writer(path: str, raw: BinaryIO) -> BinaryIO:
    """Wrap ``raw`` in a compressor chosen by the extension of ``path`` (zstd with checksums)."""
    kind = next((name for ext, name in EXTENSIONS.items() if path.endswith(ext)), None)
    if kind == "gzip":
        import gzip
        return gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)  # type: ignore[return-value]
    if kind == "bz2":
        return bz2.BZ2File(raw, "wb")  # type: ignore[return-value]
    if kind == "xz":
        return lzma.LZMAFile(raw, "wb")  # type: ignore[return-value]
    if kind == "zstd":
        import zstandard
        writer: BinaryIO = zstandard.ZstdCompressor(write_checksum=True).stream_writer(raw, closefd=False)
        return writer
    return raw
