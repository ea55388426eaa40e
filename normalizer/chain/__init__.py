"""The chain on documents: a step at a time on one document or a batch, and the tasks a worker runs
on a batch (clean, learn, records for the API)."""
