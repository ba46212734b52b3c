"""Seeded generators of the synthetic data sets shipped in widgets/data (plain Python)."""
