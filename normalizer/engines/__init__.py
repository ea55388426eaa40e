"""Where tasks run: this process or worker processes (local), or Ray Data."""
