"""Dependency-pattern matching anchored on trigger words.

The pattern rules (``data/patterns/*.jsonl``) are written in spaCy's
DependencyMatcher format, and :class:`TreeMatcher` returns exactly what one
DependencyMatcher over all of them returns (``tests/extraction/test_matcher.py``
checks it on the gold texts). It gets there differently: spaCy's matcher runs
every node of every pattern as a token pattern over every token and then
joins the hits, so its cost grows with rules x tokens. Here a rule starts
only at the tokens its first node (the trigger) can match -- looked up by
lemma or lower-case form in a dict -- and walks the parse from there, so a
sentence without a trigger word costs one dict lookup per token. Token
attributes are read once per document with ``Doc.to_array``.

Supported, as used by the pattern files: operators ``>`` (child), ``<``
(head) and ``>>`` (descendant); attributes ``DEP``, ``LEMMA``, ``LOWER``,
``POS``, ``TAG`` and ``ENT_TYPE`` compared to a string or with ``IN`` /
``NOT_IN`` lists. Anything else is a DataFileError naming the rule.
"""

from __future__ import annotations

from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, TAG

from relgraph.errors import DataFileError

# Column of each supported attribute in the per-document array.
_ATTRS = {"LEMMA": 0, "LOWER": 1, "DEP": 2, "POS": 3, "TAG": 4, "ENT_TYPE": 5}
_ARRAY = [LEMMA, LOWER, DEP, POS, TAG, ENT_TYPE, HEAD]
_OPS = (">", "<", ">>")


def _compile_attrs(attrs: dict, strings, where: str) -> tuple:
    """RIGHT_ATTRS -> ((column, kind, value), ...) with kind "eq", "in" or "not_in" on string ids."""
    tests = []
    for name, value in attrs.items():
        col = _ATTRS.get(name)
        if col is None:
            raise DataFileError(f"{where}: attribute {name!r} is not supported; use one of {', '.join(_ATTRS)}")
        if isinstance(value, str):
            tests.append((col, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN") \
                and isinstance(next(iter(value.values())), list):
            kind, words = next(iter(value.items()))
            if not all(isinstance(w, str) for w in words):
                raise DataFileError(f"{where}: {name} {kind} must list strings")
            tests.append((col, kind.lower(), frozenset(strings.add(w) for w in words)))
        else:
            raise DataFileError(f"{where}: {name} must be a string or {{IN: [...]}} / {{NOT_IN: [...]}}")
    # Cheapest and most selective tests first: equality, then membership.
    return tuple(sorted(tests, key=lambda t: (t[1] != "eq", t[1] == "not_in")))


class _Rule:
    __slots__ = ("key", "anchor", "steps")

    def __init__(self, key: int, anchor: tuple, steps: tuple):
        self.key, self.anchor, self.steps = key, anchor, steps


class TreeMatcher:
    """Every pattern rule, matched from its trigger tokens outwards.

    vocab: the spaCy vocab. rules: PatternRule objects (``id``, ``source``, ``pattern``).
    Raises DataFileError naming the pattern file and rule when a pattern is malformed or uses an
    operator or attribute this matcher does not support.
    """

    def __init__(self, vocab, rules):
        strings = vocab.strings
        self.rules: list[_Rule] = []
        self._by_word: dict[int, dict[int, list[int]]] = {0: {}, 1: {}}  # column -> string id -> rule indexes
        self._unanchored: list[int] = []
        for rule in rules:
            where = f"{rule.source} ({rule.id})"
            nodes = list(rule.pattern)
            position: dict[str, int] = {}
            steps = []
            anchor = ()
            for n, node in enumerate(nodes):
                right = node.get("RIGHT_ID")
                if not isinstance(right, str) or right in position:
                    raise DataFileError(f"{where}: node {n + 1} needs a new RIGHT_ID")
                tests = _compile_attrs(node.get("RIGHT_ATTRS", {}), strings, where)
                if n == 0:
                    if "REL_OP" in node or "LEFT_ID" in node:
                        raise DataFileError(f"{where}: the first node is the anchor and takes no REL_OP or LEFT_ID")
                    anchor = tests
                else:
                    op, left = node.get("REL_OP"), node.get("LEFT_ID")
                    if op not in _OPS:
                        raise DataFileError(f"{where}: REL_OP {op!r} is not supported; use one of {' '.join(_OPS)}")
                    if left not in position:
                        raise DataFileError(f"{where}: LEFT_ID {left!r} must name an earlier node")
                    steps.append((position[left], op, tests))
                position[right] = n
            index = len(self.rules)
            self.rules.append(_Rule(strings.add(rule.id), anchor, tuple(steps)))
            # Index the rule under the words its anchor requires, when it requires some.
            for col, kind, value in anchor:
                if col in (0, 1) and kind != "not_in":
                    for word in ((value,) if kind == "eq" else value):
                        self._by_word[col].setdefault(word, []).append(index)
                    break
            else:
                self._unanchored.append(index)

    def __call__(self, doc) -> list[tuple[int, list[int]]]:
        """(rule id as a string id, token index per pattern node) of every match in ``doc``, in rule
        order, then by token positions.

        doc: a parsed spaCy Doc.
        """
        n = len(doc)
        if not n:
            return []
        cols = doc.to_array(_ARRAY).T.tolist()
        lemma, lower = cols[0], cols[1]
        by_lemma, by_lower = self._by_word[0], self._by_word[1]
        starts: dict[int, list[int]] = {}
        for i in range(n):
            hit = by_lemma.get(lemma[i])
            if hit:
                for r in hit:
                    starts.setdefault(r, []).append(i)
            hit = by_lower.get(lower[i])
            if hit:
                for r in hit:
                    starts.setdefault(r, []).append(i)
        if self._unanchored:
            every = list(range(n))
            for r in self._unanchored:
                starts[r] = every
        if not starts:
            return []
        heads = [i + (h if h < 2 ** 63 else h - 2 ** 64) for i, h in enumerate(cols[6])]
        tree = _Tree(heads)
        out: list[tuple[int, list[int]]] = []
        for r in sorted(starts):
            rule = self.rules[r]
            for i in sorted(set(starts[r])):
                if _passes(cols, i, rule.anchor):
                    _expand(rule, [i], 0, cols, tree, out)
        return out


class _Tree:
    """Heads, children and descendants of a document's tokens, computed on first use."""

    __slots__ = ("heads", "_children", "_below")

    def __init__(self, heads: list[int]):
        self.heads = heads
        self._children: list[list[int]] | None = None
        self._below: dict[int, list[int]] = {}

    def children(self, i: int) -> list[int]:
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.heads]
            for j, h in enumerate(self.heads):
                if h != j:
                    kids[h].append(j)
            self._children = kids
        return self._children[i]

    def head(self, i: int) -> list[int]:
        h = self.heads[i]
        return [] if h == i else [h]

    def below(self, i: int) -> list[int]:
        got = self._below.get(i)
        if got is None:
            got, todo = [], list(self.children(i))
            while todo:
                j = todo.pop()
                got.append(j)
                todo.extend(self.children(j))
            got.sort()
            self._below[i] = got
        return got


def _passes(cols, i: int, tests) -> bool:
    for col, kind, value in tests:
        v = cols[col][i]
        if kind == "eq":
            if v != value:
                return False
        elif kind == "in":
            if v not in value:
                return False
        elif v in value:
            return False
    return True


def _expand(rule: _Rule, picked: list[int], step: int, cols, tree: _Tree, out: list) -> None:
    """Depth-first over the rule's nodes after the anchor, in pattern order (DependencyMatcher's
    cartesian product of candidates, restricted to the ones the relations allow)."""
    if step == len(rule.steps):
        out.append((rule.key, list(picked)))
        return
    left, op, tests = rule.steps[step]
    at = picked[left]
    candidates = tree.children(at) if op == ">" else tree.head(at) if op == "<" else tree.below(at)
    for j in candidates:
        if _passes(cols, j, tests):
            picked.append(j)
            _expand(rule, picked, step + 1, cols, tree, out)
            picked.pop()
