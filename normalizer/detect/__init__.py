"""Detectors the cleaners call: ftfy's mojibake test on re2, the language of a text (langdetect
batched bit-for-bit, CLD2 with py3langid)."""
