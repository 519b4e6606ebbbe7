"""her2kb's exceptions; each message names the file (and line) and what to do."""


class Her2kbError(Exception):
    """Base class: an expected failure that the CLI reports in one line."""


class FormatError(Her2kbError):
    """Unknown format name, text no reader recognises, or an ambiguous detection."""


class InputError(Her2kbError):
    """A file that cannot be read as text (missing, empty, binary, undecodable)."""


class StorageError(Her2kbError):
    """The database cannot be opened or upgraded (too new, not her2kb's)."""


class ExportError(Her2kbError):
    """An export that cannot be produced (unknown format, bad selection)."""


class NotFoundError(Her2kbError):
    """No record with the given id or citation key."""


class QueryError(Her2kbError):
    """A search the user typed that cannot mean what it says (e.g. a leading NOT)."""


class MergeError(Her2kbError):
    """A merge or undo that would lose or scramble data; the message says what to do."""
