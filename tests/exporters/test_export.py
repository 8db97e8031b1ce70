"""Exports read back by the programs on the other side: GraphML in networkx
and igraph (validated against the GraphML schema), GEXF in networkx
(validated against the GEXF 1.3 schema), Pajek in igraph and networkx,
JSON in networkx, CSV in pandas, VOSviewer's files by their declared
columns; on the seeds' graph and on a hand-made graph with hostile names."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from lxml import etree

from coauthor import coauthorship_graph, read_inputs
from coauthor.cli import main
from coauthor.errors import CoauthorError, InputError
from coauthor.exporters import EXPORT_FORMATS, export_format, read_graphml, write_graph
from coauthor.exporters.common import one_line
from coauthor.exporters.pajek import pajek_label
from coauthor.readers import ReadOptions
from coauthor.report import analyze

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
HOSTILE = [
    "Élodie Müller-Gómez",
    'Bo "The Boss" Lee',
    "Smith & Wesson",
    "Ann <b>Bold</b> O'Neil",
    "Tab\tSeparated",
    "Line\nBroken",
    "Carriage\rReturn",
    "Ünïcödé 李四",
]


def hand_made() -> nx.Graph:
    """Hostile names, every attribute type, a list, an undated edge."""
    graph = nx.Graph(coauthor_version="test", inputs=["a.bib", "b & c.ris"], owner=None, undated_year=2026)
    graph.graph.update(seed=42, modularity=0.25, sampled=False)
    for i, name in enumerate(HOSTILE):
        graph.add_node(
            f"author-{i}",
            name=name,
            papers=i + 1,
            first_year=2000 + i,
            last_year=2010 + i,
            variants=[name, name.upper()],
            pagerank=(i + 1) / 36,
            betweenness=0.0,
            community=i % 3,
            is_owner=i == 0,
        )
    ids = list(graph)
    for i, (u, v) in enumerate(zip(ids, ids[1:] + ids[:1], strict=True)):
        graph.add_edge(u, v, weight=i + 1, papers=i + 1, first_year=2001 + i, last_year=2003 + i)
    graph.add_edge(ids[0], ids[4], weight=2, papers=2)  # no years: an undated joint paper
    return graph


@pytest.fixture(scope="module")
def seed_graph() -> nx.Graph:
    return analyze(["seeds"], ReadOptions(undated_year=2026)).graph


@pytest.fixture(params=["seeds", "hostile"])
def graph(request: pytest.FixtureRequest, seed_graph: nx.Graph) -> nx.Graph:
    return seed_graph if request.param == "seeds" else hand_made()


def expected(value: Any) -> Any:
    """What a typed reader gives back for ``value``: lists as "; "-joined
    strings, numbers as Python int/float."""
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    return {"boolean": bool, "int": int, "double": float}.get(kind_of(value) or "", lambda v: v)(value)


def kind_of(value: Any) -> str | None:
    """GraphML's type for a Python or numpy value, by the GraphML primer
    (written here, not taken from the writer it checks)."""
    if value is None:
        return None
    if isinstance(value, bool | np.bool_):
        return "boolean"
    if isinstance(value, int | np.integer):
        return "int"
    if isinstance(value, float | np.floating):
        return "double"
    return "string"


def same_typed(read: dict[str, Any], original: dict[str, Any], skip: tuple[str, ...] = ()) -> None:
    wanted = {k: expected(v) for k, v in original.items() if v is not None and k not in skip}
    got = {k: v for k, v in read.items() if k not in skip}
    assert got == wanted
    assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in wanted.items()}


def validate(path: Path, schema: str) -> None:
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / schema)))
    assert xsd.validate(etree.parse(str(path))), xsd.error_log


# GraphML


def test_graphml_round_trip_networkx(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    assert write_graph(graph, path) == [path]
    back = nx.read_graphml(path)
    assert list(back) == [str(n) for n in graph]
    for node, data in graph.nodes(data=True):
        same_typed(back.nodes[node], data)
    assert back.number_of_edges() == graph.number_of_edges()
    for u, v, data in graph.edges(data=True):
        same_typed(back.edges[u, v], data)
    same_typed({k: v for k, v in back.graph.items() if not k.endswith("_default")}, graph.graph)


def test_graphml_reads_back_with_coauthor(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graph(graph, path)
    back = read_graphml(path)
    reference = nx.read_graphml(path)
    assert list(back.nodes(data=True)) == list(reference.nodes(data=True))
    assert list(back.edges(data=True)) == list(reference.edges(data=True))
    same_typed(back.graph, graph.graph)


def test_graphml_round_trip_igraph(graph: nx.Graph, tmp_path: Path) -> None:
    """igraph keeps every number as a float (it has no integer attributes):
    integers come back as whole floats, and missing numbers as NaN."""
    path = tmp_path / "g.graphml"
    write_graph(graph, path)
    back = igraph.Graph.Read_GraphML(str(path))
    assert (back.vcount(), back.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert back.vs["id"] == [str(n) for n in graph]
    assert back.vs["name"] == [d["name"] for _, d in graph.nodes(data=True)]
    ids = back.vs["id"]
    for edge in back.es:
        original = graph.edges[ids[edge.source], ids[edge.target]]
        for name, value in edge.attributes().items():
            _same_in_igraph(value, original.get(name))
    for vertex, (_, data) in zip(back.vs, graph.nodes(data=True), strict=True):
        for name, value in vertex.attributes().items():
            if name != "id":
                _same_in_igraph(value, data.get(name))
    assert back["coauthor_version"] == graph.graph["coauthor_version"]


def _same_in_igraph(value: Any, original: Any) -> None:
    kind = kind_of(original)
    if original is None:
        assert value == "" or (isinstance(value, float) and math.isnan(value))
    elif kind in ("int", "double"):
        assert type(value) is float and value == float(original)
    elif kind == "boolean":
        assert value is bool(original)
    else:
        assert value == expected(original)


def test_graphml_keys_are_typed_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graph(hand_made(), path)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = etree.parse(str(path)).findall("g:key", ns)
    ids = [k.get("id") for k in keys]
    assert ids == [f"d{i}" for i in range(len(keys))]
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert types["node", "papers"] == types["edge", "papers"] == "int"
    assert types["node", "pagerank"] == "double"
    assert types["node", "is_owner"] == types["graph", "sampled"] == "boolean"
    assert types["node", "variants"] == types["graph", "inputs"] == "string"
    assert ("graph", "owner") not in types  # None is left out


def test_graphml_valid_against_schema(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graph(graph, path)
    validate(path, "graphml.xsd")


def test_schemas_reject_broken_files(tmp_path: Path) -> None:
    """The schema checks are live: a wrong attribute type or an edge to no
    node fails validation."""
    path = tmp_path / "g.graphml"
    write_graph(hand_made(), path)
    text = path.read_text(encoding="utf-8")
    for broken in (
        text.replace('attr.type="int"', 'attr.type="integer"', 1),
        text.replace('target="author-1"', 'target="x"'),
    ):
        path.write_text(broken, encoding="utf-8")
        with pytest.raises(AssertionError):
            validate(path, "graphml.xsd")
    path = tmp_path / "g.gexf"
    write_graph(hand_made(), path)
    path.write_text(path.read_text(encoding="utf-8").replace('start="2001"', 'start="soon"', 1), encoding="utf-8")
    with pytest.raises(AssertionError):
        validate(path, "gexf.xsd")


def test_graphml_is_deterministic_and_atomic(tmp_path: Path, seed_graph: nx.Graph) -> None:
    first, second = tmp_path / "a.graphml", tmp_path / "b.graphml"
    write_graph(seed_graph, first)
    write_graph(seed_graph, second)
    assert first.read_bytes() == second.read_bytes()
    broken = hand_made()
    broken.nodes["author-3"]["oops"] = Unprintable()
    with pytest.raises(RuntimeError):
        write_graph(broken, tmp_path / "c.graphml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.graphml", "b.graphml"]  # no partial file


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("cannot be written")


def test_read_graphml_rejects_non_graphml(tmp_path: Path) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text("<graphml><graph", encoding="utf-8")
    with pytest.raises(InputError, match="not valid XML"):
        read_graphml(path)
    path.write_text("<root/>", encoding="utf-8")
    with pytest.raises(InputError, match="no <graph> element"):
        read_graphml(path)


# GEXF


def test_gexf_round_trip_and_schema(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    write_graph(graph, path)
    validate(path, "gexf.xsd")
    back = nx.read_gexf(path)
    assert back.graph["mode"] == "dynamic"
    assert list(back) == [str(n) for n in graph]
    for node, data in graph.nodes(data=True):
        read = dict(back.nodes[node])
        assert read.pop("label") == data["name"]
        assert read.pop("spells") == [(data["first_year"], data["last_year"])]
        same_typed(read, data, skip=("name",))
    for u, v, data in graph.edges(data=True):
        read = dict(back.edges[u, v])
        assert read.pop("weight") == float(data["weight"])
        read.pop("id")
        if "first_year" in data:
            assert read.pop("spells") == [(data["first_year"], data["last_year"])]
        same_typed(read, data, skip=("weight",))


# Pajek


def test_pajek_round_trip(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.net"
    written = write_graph(graph, path)
    assert written == [path, tmp_path / "g.clu", tmp_path / "g.vec"]
    labels = [pajek_label(d["name"])[1:-1] for _, d in graph.nodes(data=True)]
    expected_edges = {frozenset((labels[i], labels[j])): float(d["weight"]) for i, j, d in _numbered_edges(graph)}
    back = igraph.Graph.Read_Pajek(str(path))
    assert back.vs["name"] == labels
    assert {frozenset((labels[e.source], labels[e.target])): e["weight"] for e in back.es} == expected_edges
    nx_back = nx.read_pajek(path)
    assert list(nx_back) == labels
    assert {frozenset((u, v)): d["weight"] for u, v, d in nx_back.edges(data=True)} == expected_edges
    clusters = (tmp_path / "g.clu").read_text(encoding="utf-8").splitlines()
    assert clusters[0] == f"*Vertices {graph.number_of_nodes()}"
    assert [int(c) for c in clusters[1:]] == [d["community"] + 1 for _, d in graph.nodes(data=True)]
    vector = (tmp_path / "g.vec").read_text(encoding="utf-8").splitlines()
    assert [float(x) for x in vector[1:]] == [d["pagerank"] for _, d in graph.nodes(data=True)]


def _numbered_edges(graph: nx.Graph) -> list[tuple[int, int, dict[str, Any]]]:
    index = {n: i for i, n in enumerate(graph)}
    return [(index[u], index[v], d) for u, v, d in graph.edges(data=True)]


def test_pajek_labels_hold_one_line_without_quotes() -> None:
    assert pajek_label('Bo "The Boss" Lee') == '"Bo &#34;The Boss&#34; Lee"'
    assert pajek_label("Tab\tSeparated\nLine") == '"Tab Separated Line"'
    assert pajek_label("Élodie & <x>") == '"Élodie & <x>"'


# JSON


def test_node_link_round_trip(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    write_graph(graph, path)
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    assert list(back.nodes(data=True)) == [(str(n), _json_like(d)) for n, d in graph.nodes(data=True)]
    assert {frozenset((u, v)): d for u, v, d in back.edges(data=True)} == {
        frozenset((u, v)): _json_like(d) for u, v, d in graph.edges(data=True)
    }
    assert back.graph == _json_like(graph.graph)


def _json_like(data: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple | list) else v for k, v in data.items()}


def test_cytoscape_elements(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.cyjs"
    write_graph(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert [n["data"]["id"] for n in nodes] == [str(n) for n in graph]
    assert [n["data"]["name"] for n in nodes] == [d["name"] for _, d in graph.nodes(data=True)]
    assert [(e["data"]["source"], e["data"]["target"], e["data"]["weight"]) for e in edges] == [
        (u, v, d["weight"]) for u, v, d in graph.edges(data=True)
    ]
    back = nx.cytoscape_graph(data)
    assert back.number_of_edges() == graph.number_of_edges()
    assert write_graph(graph, tmp_path / "other", to="cytoscape") == [tmp_path / "other"]


# CSV


def test_csv_tables_in_pandas(graph: nx.Graph, tmp_path: Path) -> None:
    nodes_path, edges_path = write_graph(graph, tmp_path / "g.csv")
    assert (nodes_path.name, edges_path.name) == ("g_nodes.csv", "g_edges.csv")
    nodes = pd.read_csv(nodes_path, keep_default_na=False)
    assert list(nodes.columns[:2]) == ["Id", "Label"]
    assert nodes["Id"].tolist() == [str(n) for n in graph]
    assert nodes["Label"].tolist() == [d["name"] for _, d in graph.nodes(data=True)]
    assert nodes["papers"].tolist() == [d["papers"] for _, d in graph.nodes(data=True)]
    assert nodes["pagerank"].tolist() == [d["pagerank"] for _, d in graph.nodes(data=True)]
    edges = pd.read_csv(edges_path)
    assert list(edges.columns[:4]) == ["Source", "Target", "Type", "Weight"]
    assert set(edges["Type"]) == {"Undirected"}
    assert list(zip(edges["Source"], edges["Target"], edges["Weight"], strict=True)) == [
        (u, v, d["weight"]) for u, v, d in graph.edges(data=True)
    ]
    folder = write_graph(graph, tmp_path / "tables", to="csv")
    assert folder == [tmp_path / "tables" / "nodes.csv", tmp_path / "tables" / "edges.csv"]
    assert folder[0].read_bytes() == nodes_path.read_bytes()


# VOSviewer


def test_vosviewer_files(graph: nx.Graph, tmp_path: Path) -> None:
    map_path, network_path = write_graph(graph, tmp_path / "vos", to="vosviewer")
    assert (map_path, network_path) == (tmp_path / "vos" / "map.txt", tmp_path / "vos" / "network.txt")
    header = map_path.read_text(encoding="utf-8").splitlines()[0]
    assert header == (
        "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Documents>\tscore<Avg. pub. year>"
    )
    table = pd.read_csv(map_path, sep="\t", quoting=3, keep_default_na=False)
    names = [d["name"] for _, d in graph.nodes(data=True)]
    assert table["id"].tolist() == list(range(1, len(names) + 1))
    assert table["label"].tolist() == [one_line(n) for n in names]
    assert table["cluster"].tolist() == [d["community"] + 1 for _, d in graph.nodes(data=True)]
    assert table["weight<Links>"].tolist() == [graph.degree(n) for n in graph]
    assert table["weight<Total link strength>"].tolist() == [graph.degree(n, weight="weight") for n in graph]
    assert table["weight<Documents>"].tolist() == [d["papers"] for _, d in graph.nodes(data=True)]
    scores = [d.get("mean_year", (d["first_year"] + d["last_year"]) / 2) for _, d in graph.nodes(data=True)]
    assert table["score<Avg. pub. year>"].tolist() == scores  # VOSviewer's name for the overlay score
    links = pd.read_csv(network_path, sep="\t", header=None, names=["id1", "id2", "strength"])
    index = {n: i for i, n in enumerate(graph, start=1)}
    assert list(links.itertuples(index=False, name=None)) == [
        (index[u], index[v], d["weight"]) for u, v, d in graph.edges(data=True)
    ]
    stem = write_graph(graph, tmp_path / "out" / "coauthors.txt", to="vosviewer")
    assert [p.name for p in stem] == ["coauthors_map.txt", "coauthors_network.txt"]


# Registry and CLI


def test_registry_picks_formats() -> None:
    assert {ext: f.name for f in EXPORT_FORMATS.values() for ext in f.extensions} == {
        ".graphml": "graphml",
        ".gexf": "gexf",
        ".net": "pajek",
        ".csv": "csv",
        ".json": "json",
        ".cyjs": "cytoscape",
        ".parquet": "parquet",
    }
    assert export_format("X.GEXF").name == "gexf"
    assert export_format("anything", to="vosviewer").name == "vosviewer"
    with pytest.raises(CoauthorError, match=r"unknown graph format '\.xyz'"):
        export_format("g.xyz")
    with pytest.raises(CoauthorError, match="unknown export format 'dot'"):
        export_format("g.dot", to="dot")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_cli_export_records_then_graphml(tmp_path: Path) -> None:
    graphml, gexf = tmp_path / "x.graphml", tmp_path / "y.gexf"
    first = run("export", "seeds", "-o", str(graphml), "--undated-year", "2026")
    assert first.exit_code == 0, first.output
    assert "written as graphml" in first.output
    second = run("export", str(graphml), "-o", str(gexf))
    assert second.exit_code == 0, second.output
    validate(gexf, "gexf.xsd")
    from_records, from_graphml = nx.read_graphml(graphml), nx.read_gexf(gexf)
    assert set(from_graphml) == set(from_records)
    assert from_graphml.number_of_edges() == from_records.number_of_edges()
    assert all(isinstance(d["mean_year"], float) for _, d in from_records.nodes(data=True))
    vos = run("export", str(graphml), "-o", str(tmp_path / "vos"), "--to", "vosviewer")
    assert vos.exit_code == 0, vos.output
    assert (tmp_path / "vos" / "map.txt").exists() and (tmp_path / "vos" / "network.txt").exists()


def test_cli_graph_writes_every_extension(tmp_path: Path) -> None:
    for suffix in (".gexf", ".net"):
        result = run("graph", "seeds", "-o", str(tmp_path / f"g{suffix}"), "--undated-year", "2026")
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"g{suffix}").stat().st_size > 0


def test_cli_unknown_extension_is_one_line_error(tmp_path: Path) -> None:
    result = run("export", "seeds", "-o", str(tmp_path / "g.xyz"))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert "unknown graph format '.xyz'" in result.output
    assert list(tmp_path.iterdir()) == []


# Real data


def test_real_bibliography_round_trips(shared_data: Path, tmp_path: Path) -> None:
    """463 Crossref works (1,600 authors, many accented names): every
    format reads back with the same nodes, labels and weights."""
    papers, _ = read_inputs(
        [shared_data / "crossref" / "crossref_works_from_habanero_cassettes.json"], ReadOptions(2026)
    )
    graph = coauthorship_graph(papers)
    assert graph.number_of_edges() > 1000
    names = [d["name"] for _, d in graph.nodes(data=True)]
    weights = {frozenset((u, v)): float(d["weight"]) for u, v, d in graph.edges(data=True)}
    for suffix, schema in ((".graphml", "graphml.xsd"), (".gexf", "gexf.xsd")):
        write_graph(graph, tmp_path / f"g{suffix}")
        validate(tmp_path / f"g{suffix}", schema)
    back = nx.read_graphml(tmp_path / "g.graphml")
    for node, data in graph.nodes(data=True):
        same_typed(back.nodes[node], data)
    assert {frozenset((u, v)): d["weight"] for u, v, d in back.edges(data=True)} == weights
    assert igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml")).vs["name"] == names
    assert [d["label"] for _, d in nx.read_gexf(tmp_path / "g.gexf").nodes(data=True)] == names
    write_graph(graph, tmp_path / "g.net")
    pajek = igraph.Graph.Read_Pajek(str(tmp_path / "g.net"))
    ids = list(graph)
    assert {frozenset((ids[e.source], ids[e.target])): e["weight"] for e in pajek.es} == weights
    write_graph(graph, tmp_path / "g.json")
    linked = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="links")
    assert nx.utils.graphs_equal(linked, graph)
    nodes_csv, _ = write_graph(graph, tmp_path / "g.csv")
    assert pd.read_csv(nodes_csv, keep_default_na=False)["Label"].tolist() == names


def test_parquet_tables_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    graph = analyze(["seeds"], ReadOptions(undated_year=2026)).graph
    written = write_graph(graph, tmp_path / "g.parquet")
    assert [p.name for p in written] == ["g_nodes.parquet", "g_edges.parquet"]
    nodes, edges = (pd.read_parquet(p) for p in written)
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert nodes["papers"].dtype.kind == "i" and nodes["pagerank"].dtype.kind == "f"
    written_weights = {(u, v): w for u, v, w in edges[["source", "target", "weight"]].itertuples(index=False)}
    assert written_weights == {(u, v): w for u, v, w in graph.edges(data="weight")}


def test_read_graphml_applies_key_defaults(tmp_path: Path) -> None:
    """A foreign GraphML whose keys declare defaults: elements without the
    data get the default, typed (GraphML primer, section 2.4.2)."""
    from coauthor.exporters.graphml import read_graphml

    path = tmp_path / "defaults.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '  <key id="d0" for="node" attr.name="papers" attr.type="int"><default>1</default></key>\n'
        '  <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>0.5</default></key>\n'
        '  <key id="d2" for="all" attr.name="note" attr.type="string"><default>none</default></key>\n'
        '  <graph edgedefault="undirected">\n'
        '    <node id="a"><data key="d0">4</data></node>\n'
        '    <node id="b"/>\n'
        '    <edge source="a" target="b"/>\n'
        '    <edge source="b" target="c"><data key="d1">2.0</data><data key="d2">x</data></edge>\n'
        '    <node id="c"/>\n'
        "  </graph>\n</graphml>\n",
        encoding="utf-8",
    )
    graph = read_graphml(path)
    assert dict(graph.nodes(data="papers")) == {"a": 4, "b": 1, "c": 1}
    assert graph.edges["a", "b"] == {"weight": 0.5, "note": "none"}
    assert graph.edges["b", "c"] == {"weight": 2.0, "note": "x"}
    assert graph.nodes["b"]["note"] == "none"
