"""The guard widget (`guard`)."""
