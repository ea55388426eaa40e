"""The bottom layer: the document and its edit log, errors with their exit codes, the cleaner protocol, the
speed switch, run counts, and the YAML, example and resource helpers everything above reads with."""
