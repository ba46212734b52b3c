"""The course corpus: original French texts set in the fictional commune of Clairval-sur-Ondine.

The texts ship as UTF-8 files in ``widgets/data/corpus/``, one file per kind of text.
Documents are separated by a line holding only ``%%%`` and start with a header line
``# <title>``. Read them with :func:`load_documents` or :func:`load_text`.
"""

from widgets.corpus.load import KINDS, Document, load_documents, load_text, parse_documents

__all__ = ["KINDS", "Document", "load_documents", "load_text", "parse_documents"]
