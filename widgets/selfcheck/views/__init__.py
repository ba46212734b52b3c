"""The notebook face of the self-check: verdicts, hint and solution buttons."""
