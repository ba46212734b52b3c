"""Module 11's views: one view per file."""
