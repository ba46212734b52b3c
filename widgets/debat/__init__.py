"""Module 12, debating AI in the commune: debate cards, a room vote, what the group retains."""
