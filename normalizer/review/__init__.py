"""Tools for looking at rules and their effect: explain, diff, lint, suggest, rule tests."""
