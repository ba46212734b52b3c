"""The ipywidgets views of module 09, one per file, each over an engine of `widgets.batiments`."""
