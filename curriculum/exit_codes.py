"""The exit codes of every `atelier` command."""

OK, PROBLEMS, USAGE = 0, 1, 2
"""0: all is well; 1: problems found (said in French); 2: the command was misused."""
