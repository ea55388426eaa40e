"""Small pieces of the report's HTML: escaping, attributes, bars, sections.

Corpus text is untrusted: every string from the data reaches the page through :func:`esc`.
"""

from __future__ import annotations

import html
import json
import re

LINE_SHOWN = 300            # characters of one changed line
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")    # never valid in an HTML page


def esc(value: object) -> str:
    """Text or attribute value, escaped (quotes too): the only way data reaches the page."""
    return html.escape(CONTROL.sub("\ufffd", str(value)), quote=True)


def attrs(**values: object) -> str:
    """Keyword arguments as HTML attributes, escaped; None is left out.

    >>> attrs(class_="bar", data_label='"><b>', data_value=None)
    ' class="bar" data-label="&quot;&gt;&lt;b&gt;"'
    """
    return "".join(f' {key.rstrip("_").replace("_", "-")}="{esc(value)}"'
                   for key, value in values.items() if value is not None)


def wrappable(name: str) -> str:
    """An identifier that may break after its underscores in a narrow column."""
    return esc(name).replace("_", "_<wbr>")


def visible(text: str) -> str:
    """A fragment with its line breaks and tabs made visible, cut when long."""
    cut = text if len(text) <= LINE_SHOWN else text[:LINE_SHOWN] + f"… ({len(text)} characters)"
    return cut.replace("\n", "↵").replace("\t", "⇥") if cut.strip() else json.dumps(cut)


def meter(share: float | None, over: bool = False) -> str:
    """A small horizontal bar for a share between 0 and 1."""
    width = 0.0 if share is None else max(0.0, min(1.0, share)) * 100
    return f'<span class="meter{" over" if over else ""}"><span style="width:{width:.1f}%"></span></span>'


def section(id_: str, title: str, body: str, intro: str = "") -> str:
    lead = f'<p class="intro">{esc(intro)}</p>' if intro else ""
    return f'<section id="{esc(id_)}"><h2>{esc(title)}</h2>{lead}{body}</section>'
