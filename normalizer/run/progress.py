"""A one-line progress display on stderr: documents, MB read, MB/s, and an ETA when the size is known.

Shown only when stderr is a terminal and the run is not ``--quiet``; redrawn at most
five times a second so it costs nothing measurable.
"""

from __future__ import annotations

import sys
import time

REDRAW_SECONDS = 0.2


class Progress:
    def __init__(self, total_bytes: int | None, enabled: bool) -> None:
        self.total = total_bytes
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.drawn = 0.0
        self.shown = False

    def update(self, documents: int, bytes_read: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.drawn < REDRAW_SECONDS:
            return
        self.drawn = now
        elapsed = max(now - self.started, 1e-6)
        rate = bytes_read / elapsed
        line = f"{documents:,} documents  {bytes_read / 1e6:,.1f} MB  {rate / 1e6:,.2f} MB/s"
        if self.total and rate > 0:
            left = max(self.total - bytes_read, 0) / rate
            line += f"  {100 * min(bytes_read / self.total, 1):.0f}%  ETA {int(left // 60)}:{int(left % 60):02d}"
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
