"""The course corpus: original French texts set in the fictional commune of Clairval-sur-Ondine.

The texts ship as UTF-8 files in `widgets/corpus/data/`, one file per kind of text,
read through `widgets.shipped_data`. Documents are separated by a line holding only
`%%%` and start with a header line `# <title>`. Read them with :func:`load_documents`
or :func:`load_text`. The files are built by `generate.build_files` from the
hand-written inputs of `sources/`.
"""

from widgets.corpus.load import KINDS, Document, load_documents, load_text, parse_documents

__all__ = ["KINDS", "Document", "load_documents", "load_text", "parse_documents"]
