"""Network analytics over the knowledge graph with networkx.

The graph is a ``networkx.MultiDiGraph``: one node per entity, one edge per
relation (statement), keyed by the relation id. Centralities and
communities are computed on its undirected simple projection (relations of
any status connect two entities; parallel relations add weight). Files for
Gephi (GraphML, GEXF) carry only scalar attributes.

Example::

    kg = EmbeddedStore(".relgraph/store").read_graph()
    report = analyze(kg, top=10)
    write_graphml(to_networkx(kg), "relgraph.graphml")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.model import KnowledgeGraph
from relgraph.errors import QueryError, StoreError


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The entities and relations of ``kg`` as a MultiDiGraph with scalar attributes.

    kg: the graph. Node ids are entity ids; edge keys are relation ids.
    Node attributes: name, type, aliases (joined by ``; ``), wikidata.
    Edge attributes: predicate, status, label, role, confidence, evidence_count,
    first_seen, last_seen (absent values are left out, as GraphML has no null).
    """
    g = nx.MultiDiGraph()
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        attrs = {"name": e.name, "type": e.type, "aliases": "; ".join(sorted({a for a, _ in e.aliases}))}
        for key in ("wikidata", "lei", "ticker"):
            if getattr(e, key):
                attrs[key] = getattr(e, key)
        g.add_node(eid, **attrs)
    for sid in sorted(kg.statements):
        st = kg.statements[sid]
        if st.subject not in g or st.object not in g:
            continue
        attrs = {
            "predicate": st.predicate, "status": st.status, "label": st.label,
            "confidence": float(st.confidence), "evidence_count": st.evidence_count,
        }
        for key in ("role", "first_seen", "last_seen"):
            if getattr(st, key):
                attrs[key] = getattr(st, key)
        g.add_edge(st.subject, st.object, key=sid, **attrs)
    return g


def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected projection; ``weight`` counts the relations of a pair.

    g: a graph from :func:`to_networkx`.
    """
    u = nx.Graph()
    u.add_nodes_from(g.nodes(data=True))
    for a, b in g.edges():
        if a == b:
            continue
        if u.has_edge(a, b):
            u[a][b]["weight"] += 1
        else:
            u.add_edge(a, b, weight=1)
    return u


def resolve_entity(kg: KnowledgeGraph, name: str) -> str:
    """The id of the entity with this id, name or alias (case-insensitive).

    kg: the graph. name: what the user typed.
    Raises QueryError when nothing matches or the name is ambiguous.
    """
    if name in kg.entities:
        return name
    low = name.casefold()
    hits = sorted(
        e.id for e in kg.entities.values()
        if e.name.casefold() == low or any(a.casefold() == low for a, _ in e.aliases)
    )
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise QueryError(f"no entity named {name!r}; give an entity id, name or alias (relgraph entities lists them)")
    raise QueryError(f"{name!r} names several entities ({', '.join(hits)}); give one of these ids")


def ego_subgraph(g: nx.MultiDiGraph, entity_id: str, hops: int) -> nx.MultiDiGraph:
    """The part of ``g`` within ``hops`` relations of an entity (either direction).

    g: the full graph. entity_id: the centre. hops: radius, at least 1.
    """
    if hops < 1:
        raise QueryError(f"--hops must be at least 1, got {hops}")
    nodes = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), entity_id, cutoff=hops)
    return g.subgraph(nodes).copy()


@dataclass
class Ranked:
    """One entity with a score."""

    id: str
    name: str
    type: str
    score: float


@dataclass
class Community:
    """A community: its number (largest first) and member entity ids."""

    number: int
    members: list[str]
    names: list[str]


@dataclass
class AnalyticsReport:
    """What :func:`analyze` found.

    nodes, edges: size of the analysed graph (edges = relations).
    pagerank, degree: top entities by PageRank and by degree centrality.
    communities: greedy-modularity communities, largest first.
    paths: shortest connecting paths (entity names) between the top
        PageRank entities, or from the centre entity when one was given.
    """

    nodes: int
    edges: int
    pagerank: list[Ranked] = field(default_factory=list)
    degree: list[Ranked] = field(default_factory=list)
    communities: list[Community] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)

    def to_json(self) -> dict:
        """A JSON-ready dict."""
        from dataclasses import asdict

        return asdict(self)


def pagerank(u: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """PageRank of a weighted undirected graph by power iteration (as ``networkx.pagerank``).

    u: the graph; edge attribute ``weight``. alpha: damping factor.
    tol, max_iter: convergence threshold (L1, per node) and iteration cap.
    Written here because networkx's own needs SciPy, which relgraph does not otherwise use.
    """
    nodes = sorted(u.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    strength = {v: sum(d.get("weight", 1) for *_, d in u.edges(v, data=True)) for v in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in nodes if strength[v] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for v in nodes:
            if strength[v]:
                share = alpha * rank[v] / strength[v]
                for _, w, d in u.edges(v, data=True):
                    new[w] += share * d.get("weight", 1)
        err = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


def _ranked(g: nx.Graph, scores: dict[str, float], top: int) -> list[Ranked]:
    order = sorted(scores, key=lambda n: (-scores[n], n))[:top]
    return [Ranked(n, g.nodes[n].get("name", n), g.nodes[n].get("type", ""), round(scores[n], 6)) for n in order]


def analyze(kg: KnowledgeGraph, *, entity: str | None = None, hops: int = 2, top: int = 10) -> tuple[AnalyticsReport, nx.MultiDiGraph]:
    """PageRank, degree centrality, communities and connecting paths.

    kg: the graph (from the embedded store or Neo4j).
    entity: restrict to the neighbourhood of this entity (id, name or alias).
    hops: radius of that neighbourhood.
    top: how many entities to list per measure.
    Returns the report and the analysed MultiDiGraph (for GraphML/GEXF export).
    Deterministic: ties are broken by entity id.
    """
    if top < 1:
        raise QueryError(f"--top must be at least 1, got {top}")
    g = to_networkx(kg)
    centre = None
    if entity is not None:
        centre = resolve_entity(kg, entity)
        if centre not in g:
            raise QueryError(f"entity {centre!r} takes part in no relation; nothing to analyse around it")
        g = ego_subgraph(g, centre, hops)
    report = AnalyticsReport(nodes=g.number_of_nodes(), edges=g.number_of_edges())
    if g.number_of_nodes() == 0:
        return report, g
    u = undirected(g)
    report.pagerank = _ranked(u, pagerank(u), top)
    report.degree = _ranked(u, nx.degree_centrality(u), top)
    if u.number_of_edges():
        comms = nx.community.greedy_modularity_communities(u, weight="weight")
        ordered = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c))
        report.communities = [
            Community(i + 1, members, [u.nodes[m].get("name", m) for m in members])
            for i, members in enumerate(ordered)
        ]
    sources = [centre] if centre else [r.id for r in report.pagerank[:3]]
    targets = [r.id for r in report.pagerank[: max(top, 3)]]
    seen: set[tuple[str, str]] = set()
    for s in sources:
        for t in targets:
            if s == t or (t, s) in seen or not nx.has_path(u, s, t):
                continue
            seen.add((s, t))
            path = nx.shortest_path(u, s, t)
            report.paths.append([u.nodes[n].get("name", n) for n in path])
    return report, g


def _check_scalars(g: nx.MultiDiGraph) -> None:
    for _, attrs in g.nodes(data=True):
        for v in attrs.values():
            if not isinstance(v, (str, int, float, bool)):
                raise StoreError(f"node attribute {v!r} is not a GraphML scalar")
    for *_, attrs in g.edges(keys=True, data=True):
        for v in attrs.values():
            if not isinstance(v, (str, int, float, bool)):
                raise StoreError(f"edge attribute {v!r} is not a GraphML scalar")


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GraphML (for Gephi, yEd, Cytoscape).

    g: a graph from :func:`to_networkx` or :func:`analyze`. path: output file.
    """
    _check_scalars(g)
    out = Path(path)
    try:
        nx.write_graphml(g, out)
    except OSError as exc:
        raise StoreError(f"{out}: cannot write GraphML: {exc.strerror}") from exc
    return out


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GEXF (Gephi's own format).

    g: a graph from :func:`to_networkx` or :func:`analyze`. path: output file.
    """
    _check_scalars(g)
    out = Path(path)
    # GEXF edges need a label/id per parallel edge; the relation id is the key.
    h = nx.MultiDiGraph()
    h.add_nodes_from((n, {**a, "label": a.get("name", n)}) for n, a in g.nodes(data=True))
    for a, b, k, attrs in g.edges(keys=True, data=True):
        h.add_edge(a, b, key=k, id=k, **{**attrs, "label": attrs.get("label", "")})
    try:
        nx.write_gexf(h, out)
    except OSError as exc:
        raise StoreError(f"{out}: cannot write GEXF: {exc.strerror}") from exc
    return out


def run_analysis(settings, *, backend: str = "embedded", entity: str | None = None, hops: int = 2, top: int = 10,
                 graphml: str | Path | None = None, gexf: str | Path | None = None) -> AnalyticsReport:
    """Read the graph from a backend, analyse it and write the requested files (``relgraph analyze``).

    settings: relgraph Settings (store path, Neo4j connection).
    backend: ``embedded`` or ``neo4j``.
    entity, hops, top: as for :func:`analyze`.
    graphml, gexf: output files, or None.
    """
    if backend == "embedded":
        from graph.store import EmbeddedStore

        kg = EmbeddedStore(settings.store).read_graph()
    elif backend == "neo4j":
        from graph.neo4j_writer import connect, neighbourhood_ids, read_graph

        driver = connect(settings.neo4j)
        try:
            db = settings.neo4j.database
            # With --entity only the neighbourhood leaves the server.
            ids = neighbourhood_ids(driver, entity, hops, database=db) if entity is not None else None
            kg = read_graph(driver, database=db, entity_ids=ids)
        finally:
            driver.close()
    else:
        raise QueryError(f"unknown backend {backend!r}; use embedded or neo4j")
    report, g = analyze(kg, entity=entity, hops=hops, top=top)
    if graphml:
        write_graphml(g, graphml)
    if gexf:
        write_gexf(g, gexf)
    return report


def report_text(settings, *, fmt: str = "table", **options) -> str:
    """Run :func:`run_analysis` and render its report as text or JSON (``relgraph analyze``).

    settings: relgraph Settings. fmt: ``table`` or ``json``.
    options: backend, entity, hops, top, graphml, gexf as for :func:`run_analysis`.
    """
    import json

    report = run_analysis(settings, **options)
    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    lines = [f"graph: {report.nodes} entities, {report.edges} relations"]
    for title, ranked in (("PageRank", report.pagerank), ("degree centrality", report.degree)):
        lines.append(f"\n{title}:")
        lines += [f"  {r.score:>9.4f}  {r.name} ({r.id}, {r.type})" for r in ranked]
    lines.append(f"\ncommunities ({len(report.communities)}):")
    lines += [f"  {c.number:>3}. {'; '.join(c.names)}" for c in report.communities]
    lines.append("\nconnecting paths:")
    lines += [f"  {' - '.join(p)}" for p in report.paths] or ["  (none)"]
    for key in ("graphml", "gexf"):
        if options.get(key):
            lines.append(f"\nwrote {options[key]}")
    return "\n".join(lines)
