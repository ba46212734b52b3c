"""Module 05's views: the passage search box and the answer with its sources."""
