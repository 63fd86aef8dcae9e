"""The project's exception tree.

Every failure a user can cause is a subclass of :class:`RelgraphError`. The
command line prints its message on one line and exits non-zero; messages
name the offending thing and say how to fix it.
"""


class RelgraphError(Exception):
    """Root of all relgraph errors."""


class ConfigError(RelgraphError):
    """A setting is missing or invalid."""


class InputError(RelgraphError):
    """An input file or line cannot be read.

    Args:
        source: file path (or ``-`` for stdin).
        line: 1-based line number, or None when the whole file is bad.
        message: what is wrong and what to do about it.
    """

    def __init__(self, source: str, line: int | None, message: str):
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else str(source)
        super().__init__(f"{where}: {message}")


class DataFileError(RelgraphError):
    """A bundled or user-supplied data file (patterns, lexicon, gazetteer,
    ontology, query) is malformed."""


class OntologyError(DataFileError):
    """The ontology is malformed, or a name is not in it."""


class ModelError(RelgraphError):
    """The spaCy model cannot be loaded."""


class StoreError(RelgraphError):
    """The embedded store cannot be opened, read or written."""


class Neo4jUnavailable(RelgraphError):
    """Neo4j cannot be reached or refuses the credentials."""


class QueryError(RelgraphError):
    """A prepared query is unknown, or its parameters are wrong."""


class ExportError(RelgraphError):
    """An export cannot be written: unknown format or source, bad base IRI, bad output path."""


class EntityError(RelgraphError):
    """An entity id or name given by the user is not in the current resolution."""
