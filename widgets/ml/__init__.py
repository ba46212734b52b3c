"""Small machine-learning demos: engines (plain Python, scikit-learn) and their views."""
