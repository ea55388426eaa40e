"""The registry of built-in cleaners, one module each, named by what a rule file ``use``s.

The ``use:`` name is the registry key, the module name here, the step id in edit logs and the
key in the summary (``tests/test_docs.py`` checks that they agree). Built from the classes' own
``name``; cleaners from other packages come through entry points (:mod:`normalizer.rules.plugins`).
"""

from __future__ import annotations

from typing import Any

from .check_language import CheckLanguage
from .dedup import Dedup
from .fix_encoding import FixEncoding
from .quality_filter import QualityFilter
from .quality_signals import QualitySignals
from .reject_short import RejectShort
from .strip_chrome_lines import StripChromeLines
from .strip_credit_lines import StripCreditLines
from .strip_lines import StripLines
from .strip_page_furniture import StripPageFurniture
from .strip_related import StripRelated
from .strip_share_lines import StripShareLines
from .strip_site_template import StripSiteTemplate
from .strip_stray_letters import StripStrayLetters
from .strip_tag_lists import StripTagLists
from .strip_tracking_params import StripTrackingParams
from .strip_tracking_tag import StripTrackingTag
from .tidy_text import TidyText
from .transliterate import Transliterate

CLEANERS: dict[str, Any] = {cleaner.name: cleaner for cleaner in (
    FixEncoding, TidyText, StripTrackingParams, StripRelated, StripShareLines, StripTrackingTag, StripTagLists,
    StripChromeLines, StripCreditLines, StripPageFurniture, StripSiteTemplate, StripLines, StripStrayLetters, CheckLanguage, RejectShort, Transliterate,
    Dedup, QualitySignals, QualityFilter)}
