"""relgraph: news text to an evidenced knowledge graph (Neo4j and RDF).

The library lives in four packages, one concern each:

- ``extraction``: text to relation records (spaCy, rules as data files).
- ``graph``: entity resolution, the in-memory graph, the embedded RDF store,
  and the writers to Neo4j and RDF files.
- ``ontology``: the vocabulary (Turtle) loaded into frozen objects.
- ``queries``: prepared Cypher and SPARQL queries and the code that runs them.

This package only holds the command line, settings and the error tree.
"""

__version__ = "0.1.0"
