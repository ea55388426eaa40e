"""Measuring a corpus and judging it: ``check``'s measures and thresholds, baselines, the HTML report."""
