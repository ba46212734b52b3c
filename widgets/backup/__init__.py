"""Download one's work: Binder sessions are temporary.

- `archive`: gathers the learner's saved notebooks into one zip (engine);
- `html`: the link and the messages the panel shows;
- `views/download.py`: the button that prepares the archive.
"""
