"""The registry of cleaners: the name a rule file ``use``s is the key, the step id and the stats key.

A closed dict on purpose: a rule file can only name code that ships with normalizer.
"""

from __future__ import annotations

from typing import Any

from .check_language import CheckLanguage
from .fix_encoding import FixEncoding
from .reject_short import RejectShort
from .strip_lines import StripLines
from .strip_related import StripRelated
from .strip_share_lines import StripShareLines
from .strip_stray_letters import StripStrayLetters
from .strip_tag_lists import StripTagLists
from .strip_tracking_params import StripTrackingParams
from .strip_tracking_tag import StripTrackingTag
from .tidy_text import TidyText
from .transliterate import Transliterate

CLEANERS: dict[str, Any] = {cleaner.name: cleaner for cleaner in (
    FixEncoding, TidyText, StripTrackingParams, StripRelated, StripShareLines, StripTrackingTag, StripTagLists,
    StripLines, StripStrayLetters, CheckLanguage, RejectShort, Transliterate)}
