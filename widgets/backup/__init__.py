"""Download one's work: Binder sessions are temporary."""
