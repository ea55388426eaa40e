"""Bytes in and records out: finding and decompressing inputs, reading records, corpora in batches,
serialising results, committing outputs atomically, shards."""
