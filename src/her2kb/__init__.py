"""her2kb: a citation knowledge base for the literature you collect."""

__version__ = "0.1.0"
