"""Text helpers the cleaners share: line arithmetic, the shape of a line, safe line patterns,
the boilerplate vocabularies."""
