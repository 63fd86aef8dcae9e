"""Text to relation records.

Entry points: :func:`extraction.readers.read_documents` (files, JSONL,
directories, stdin to :class:`~extraction.records.Document`) and
:class:`extraction.pipeline.Extractor` (spaCy parse plus the rule files in
``extraction/data/`` to :class:`~extraction.records.DocumentResult`).
Rules are data: dependency patterns in ``data/patterns/*.jsonl``, lexicons
in ``data/lexicons/``; :mod:`extraction.rules` validates them on load.
"""
