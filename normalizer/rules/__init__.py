"""Rule files to a checked chain: the cleaner catalog (options read from each class), plugins, the loader."""
