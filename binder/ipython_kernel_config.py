# Atelier IA: French messages instead of tracebacks from the first cell on.
# Copied to {sys.prefix}/etc/ipython/ by the Makefile and by binder/postBuild.
c = get_config()  # noqa: F821
c.InteractiveShellApp.extensions = ["widgets.french_errors"]
