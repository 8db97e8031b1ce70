"""Mutation testing of the core modules with mutmut: how many deliberate
bugs the tests catch.

    python benchmarks/mutation.py                 # every module (hours on 2 cores)
    python benchmarks/mutation.py coauthor/graph/filters.py coauthor/graph/build.py

Each module is mutated in a scratch copy of the repository (its own
``[tool.mutmut]`` section: that module only, and the fast test files that
exercise it), so runs do not disturb the working tree and can go one
module at a time. The figures of every module run so far are kept in
``benchmarks/mutation.json`` and written, with each surviving mutant's
diff and the reason it is equivalent where one is known, to
``benchmarks/MUTATION.md``. Not part of the test suite: it is slow.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "mutation.json"
REPORT = ROOT / "benchmarks" / "MUTATION.md"

#: Module -> the pytest arguments run against its mutants: the test files
#: that exercise it and run in seconds (mutmut runs, per mutant, only the
#: tests that reach the mutated function), less the slow tests in SLOW.
NAME_TESTS = [
    "tests/names/test_forms.py",
    "tests/names/test_names.py",
    "tests/names/test_bibtex_names.py",
    "tests/names/test_resolve.py",
    "tests/names/test_organisations.py",
]
RESOLVE_TESTS = [
    "tests/names/test_resolve.py",
    "tests/names/test_aliases.py",
    "tests/names/test_grouping.py",
    "tests/names/test_forms.py",
    "tests/cli/test_cli_names.py",
    "tests/names/test_names.py",
]
TARGETS: dict[str, list[str]] = {
    "coauthor/graph/filters.py": ["tests/graph/test_graph.py", "tests/graph/test_filters.py"],
    "coauthor/graph/build.py": ["tests/graph/test_graph.py"],
    "coauthor/names/parse.py": NAME_TESTS,
    "coauthor/names/forms.py": NAME_TESTS,
    "coauthor/names/data.py": NAME_TESTS,
    # the CLI tests would run on nearly every mutant of 1034 at a few seconds each
    "coauthor/names/resolve.py": [
        "tests/names/test_resolve.py",
        "tests/names/test_resolve_parts.py",
        "tests/names/test_grouping.py",
        "tests/names/test_aliases.py",
    ],
    "coauthor/names/grouping.py": RESOLVE_TESTS,
    "coauthor/names/aliases.py": RESOLVE_TESTS,
    "coauthor/analysis/centrality.py": [
        "tests/analysis/test_analysis.py",
        "tests/analysis/test_parallel.py",
        "tests/analysis/test_seeds.py",
        "tests/analysis/test_engine_choice.py",
        "tests/analysis/test_centrality.py",
    ],
    "coauthor/analysis/communities.py": [
        "tests/analysis/test_communities.py",
        "tests/analysis/test_analysis.py",
        "tests/analysis/test_labelprop.py",
        "tests/analysis/test_seeds.py",
    ],
    "coauthor/analysis/engine.py": [
        "tests/analysis/test_engine.py",
        "tests/analysis/test_analysis.py",
        "tests/analysis/test_seeds.py",
        "tests/analysis/test_engine_choice.py",
    ],
    "coauthor/analysis/labelprop.py": ["tests/analysis/test_labelprop.py"],
    "coauthor/analysis/parallel.py": ["tests/analysis/test_parallel.py"],
    # tests/cli/test_cli_options.py runs the CLI on real data (30-40 s a test): too slow per mutant
    "coauthor/analysis/sensitivity.py": ["tests/analysis/test_sensitivity.py", "tests/analysis/test_analysis.py"],
    # tests/report/test_options.py runs the CLI on real data (20-45 s a test): too slow per mutant
    "coauthor/analysis/timeline.py": ["tests/analysis/test_timeline.py", "tests/analysis/test_analysis.py"],
    "coauthor/analysis/tracking.py": ["tests/analysis/test_tracking.py", "tests/analysis/test_analysis.py"],
}

#: Tests left out of every mutation run: each takes 5-15 s on real data and
#: would run on nearly every mutant of the name modules (the fast tests of
#: the same files cover the same functions).
SLOW = [
    "tests/names/test_resolve.py::test_resolution_is_deterministic_and_order_free",
    "tests/names/test_resolve.py::test_exported_aliases_reproduce_the_table",
    "tests/names/test_resolve.py::test_export_aliases_round_trip_on_real_data",
    "tests/names/test_resolve.py::test_never_merges_two_orcids",
]

_SAME_LENGTHS = "Equivalent: the sequences zipped always have the same length; strict= only raises on a mismatch."
_DISTINCT_KEYS = "Equivalent: the author ids sorted are distinct, so every sort algorithm gives the same order."

_EXACT_FLOATS = "Equivalent: float ones instead of int64 ones: sums of small integers are exact in float64."
_SQUARE = "Equivalent: the co-authorship matrix BᵀB is square, so shape[1] == shape[0]."
_YEAR_ORDER = "Equivalent: the order of one year's rows does not matter (they are summed in a sparse matrix)."
_EVERY_CODE = "Equivalent: every code 0..n-1 occurs, so bincount's length is n without minlength."

#: Surviving mutants that change no behaviour, with the reason (mutmut's
#: mutant name less ``coauthor.`` -> why no test can tell it from the original).
EQUIVALENT: dict[str, str] = {
    "graph.filters.x__top_authors__mutmut_17": "Equivalent: every centrality measure is computed instead of only "
    "the one ranked by; the column used is the same, only slower.",
    "graph.filters.x_find_author__mutmut_15": "Equivalent: a node without variants is skipped by the `if variants` "
    "guard whether the default is '' or None.",
    "graph.filters.x_find_author__mutmut_17": "Equivalent: as _15 (no default is None).",
    "graph.filters.x_find_author__mutmut_44": "Equivalent: n=3 is difflib.get_close_matches' default.",
    "graph.filters.x_find_author__mutmut_45": "Equivalent: cutoff=0.6 is difflib.get_close_matches' default.",
    "graph.filters.x_read_focus_file__mutmut_2": "Equivalent where the locale encoding is UTF-8 (every machine "
    "this project runs on); on another locale a non-ASCII focus file would be misread.",
    "graph.filters.x_read_focus_file__mutmut_5": "Equivalent: codec names are case-insensitive.",
    "graph.build.x__edge_table__mutmut_60": _SAME_LENGTHS,
    "graph.build.x__edge_table__mutmut_67": _SAME_LENGTHS,
    "graph.build.x_tables_to_networkx__mutmut_13": _SAME_LENGTHS,
    "graph.build.x_tables_to_networkx__mutmut_21": _SAME_LENGTHS,
    "graph.build.x_tables_to_networkx__mutmut_40": _SAME_LENGTHS,
    "graph.build.x_tables_to_networkx__mutmut_76": _SAME_LENGTHS,
    "graph.build.x_tables_to_networkx__mutmut_83": _SAME_LENGTHS,
    "graph.build.x_tables_to_networkx__mutmut_96": _SAME_LENGTHS,
    "graph.build.x__edge_table__mutmut_5": _EXACT_FLOATS,
    "graph.build.x__edge_table__mutmut_7": _EXACT_FLOATS,
    "graph.build.x__edge_table__mutmut_27": _SQUARE,
    "graph.build.x__edge_table__mutmut_93": _SQUARE,
    "graph.build.x__edge_table__mutmut_44": _YEAR_ORDER,
    "graph.build.x__edge_table__mutmut_46": _YEAR_ORDER,
    "graph.build.x__edge_table__mutmut_48": _YEAR_ORDER,
    "graph.build.x__node_table__mutmut_47": _EVERY_CODE,
    "graph.build.x__variants__mutmut_29": _EVERY_CODE,
    "graph.build.x_build_tables__mutmut_18": _EVERY_CODE,
    "graph.build.x__node_table__mutmut_52": "Equivalent: display_names gives the same first author_name of each "
    "author, and the assignment aligns it on the author id index.",
    "graph.build.x__node_table__mutmut_53": "Equivalent: as _52.",
    "graph.build.x__variants__mutmut_31": "Equivalent: an author with one spelling gets it joined alone, "
    "the same string.",
    "graph.build.x__weights__mutmut_13": "Equivalent: integer paper counts divide to the same floats (their "
    "product would overflow int64 only past 3e9 papers per author).",
    "graph.build.x__weights__mutmut_18": "Equivalent: as _13.",
    "graph.build.x_build_tables__mutmut_80": "Equivalent: pairs is a cache; positions() rebuilds the same "
    "array from the tables.",
    "graph.build.x_build_tables__mutmut_84": "Equivalent: as _80.",
    "graph.build.xǁ_Codesǁof__mutmut_25": "Equivalent: an Int64 column with no missing value (filled with "
    "UNDATED) converts to int64 without dtype=.",
    "graph.build.xǁ_Codesǁof__mutmut_27": "Equivalent: astype(None) gives float64 years, exact, then converted "
    "to int64.",
    "names.parse.x__given_family__mutmut_17": "Equivalent: the loop going on to tokens[0] only matters when "
    "tokens[0] is initials, and then the family-first branch is skipped either way.",
    "names.parse.x__is_capitalised_word__mutmut_15": "Equivalent: a word equal to a prefix (Mc, O', St) is "
    "already accepted by the all-lower-case test above.",
    "names.parse.x__is_suffix__mutmut_5": "Equivalent: the token is lower-cased first, so there is no X to strip.",
    "graph.build.xǁ_Codesǁof__mutmut_7": _DISTINCT_KEYS,
    "graph.build.xǁ_Codesǁof__mutmut_9": _DISTINCT_KEYS,
    "graph.build.xǁ_Codesǁof__mutmut_11": _DISTINCT_KEYS,
    "graph.build.xǁ_Codesǁof__mutmut_12": _DISTINCT_KEYS,
}

_CASELESS = "Equivalent: the value is read case-insensitively (numpy's sort kind, igraph's mode names)."
_FLOAT_ARRAY = "Equivalent: the values are floats (or ints added to a float64 total): dtype=float changes no value."
_NOT_FALSE = "Equivalent: replace=None is falsy, which numpy's choice reads as replace=False."
_NX_FALLBACK = (
    "Equivalent: the networkx formula (the fallback without igraph) gives the same modularity as igraph's "
    "(the tests compare it with a hand value either way)."
)
_SCIPY_NAN = (
    "Equivalent: scipy's spearmanr and kendalltau return nan themselves for a constant or one-value input "
    "(with a warning): the guard only spares the warning."
)
_NO_EMPTY_LABEL = (
    "Equivalent: every label of a labelling has a member, so every marginal is above 0: the filter keeps all."
)
_EVERY_UNIT_DECIDED = (
    "Equivalent: every unit has at least one name form (resolve builds them so), hence a family, "
    "hence a decision: the Decision(-1) fallback is never used."
)
_GROUP_IDENTIFIED = "Equivalent: _Group.identified is stored but never read."
_APART_UNSEEN = (
    "Equivalent: a group kept apart is never added to the block, so no later unit meets it as a candidate: "
    "whether it is open is never read."
)
_NEGATIVE_RESHAPE = "Equivalent: numpy reads any negative size in reshape as 'the rest' (-2 as -1)."
_LP_FLOAT_SUMS = (
    "Equivalent: integer weights are concatenated with the float heaviest-link votes and summed by "
    "bincount into float64 either way."
)
_LP_BINCOUNT = (
    "Equivalent: without minlength the counts stop at the last linked node; the nonzero positions are the same."
)
_LP_ISOLATED = (
    "Equivalent: an isolated node then votes for its own label with weight 0, the only vote it gets, "
    "and keeps it, as without a vote."
)
_INT64_ARANGE = "Equivalent: np.arange of an int is int64 without dtype= (on the 64-bit systems this runs on)."
_INT_OR_EMPTY = (
    "Equivalent: with links the positions and years are ints (int64 without dtype=); without links the "
    "empty float64 arrays select nothing, and scipy builds the same empty matrix from them."
)
_UNDIRECTED = "Equivalent: directed=None is falsy and directed=False is igraph.Graph's default."

#: Surviving mutants of coauthor/analysis/ that change no behaviour.
EQUIVALENT |= {
    "analysis.centrality.x__eigenvector_igraph__mutmut_14": "Equivalent: without a category the filter matches every "
    "Warning, RuntimeWarning included.",
    "analysis.centrality.x__eigenvector_igraph__mutmut_18": "Equivalent: warnings.filterwarnings matches the message "
    "case-insensitively (re.I).",
    "analysis.centrality.x__eigenvector_igraph__mutmut_19": "Equivalent: as _18.",
    "analysis.centrality.x__eigenvector_igraph__mutmut_22": "Equivalent: the values are divided by their maximum just "
    "below, so igraph's own scaling to a maximum of 1 (igraph 0.10+ applies it whatever scale= says) changes nothing.",
    "analysis.centrality.x__eigenvector_igraph__mutmut_24": "Equivalent: as _22.",
    "analysis.centrality.x__eigenvector_igraph__mutmut_27": "Equivalent: as _22.",
    "analysis.centrality.x__eigenvector_igraph__mutmut_32": _SAME_LENGTHS,
    "analysis.centrality.x__eigenvector_igraph__mutmut_35": _SAME_LENGTHS,
    "analysis.centrality.x__eigenvector_igraph__mutmut_36": _SAME_LENGTHS,
    "analysis.centrality.x__eigenvector_igraph__mutmut_38": "Equivalent to the last bits: igraph returns each "
    "component's scores already scaled to a maximum of 1 (0.9999999999999999 at worst), so value * top and "
    "value / top differ by about 2e-16, below any tolerance (checked by hand, the test of a maximum of exactly 1 "
    "passes on it).",
    "analysis.centrality.x__eigenvector_networkx__mutmut_26": "Equivalent: one more allowed step of a power iteration "
    "that stops on its tolerance long before 10,000 (a 30-author path, the slowest shape tested, takes about 2,400).",
    "analysis.centrality.x__igraph_measures__mutmut_136": _CASELESS,
    "analysis.centrality.x__igraph_measures__mutmut_58": _FLOAT_ARRAY,
    "analysis.centrality.x__igraph_measures__mutmut_60": _FLOAT_ARRAY,
    "analysis.centrality.x__igraph_measures__mutmut_62": "Equivalent: for a graph of no author np.zeros(None) is a "
    "0-d zero whose list is 0.0, assigned to a table of no rows: the same empty column.",
    "analysis.centrality.x__networkx_measures__mutmut_133": "Equivalent: alpha=0.85 is nx.pagerank's default.",
    "analysis.centrality.x__networkx_measures__mutmut_134": "Equivalent: weight='weight' is nx.pagerank's default.",
    "analysis.centrality.x__networkx_measures__mutmut_25": "Equivalent in the table returned: the 'distance' edge "
    "attribute is also put on the caller's graph when no path measure is asked for, and used by none.",
    "analysis.centrality.x__networkx_measures__mutmut_30": "Equivalent: as _25 (the set union is never empty).",
    "analysis.centrality.x__networkx_measures__mutmut_50": "Equivalent: normalized=None is falsy; networkx reads it "
    "as False.",
    "analysis.centrality.x__networkx_measures__mutmut_55": "Equivalent: normalized=False is "
    "betweenness_centrality_subset's default.",
    "analysis.centrality.x__nx_distance_sums__mutmut_19": _FLOAT_ARRAY,
    "analysis.centrality.x__nx_distance_sums__mutmut_21": _FLOAT_ARRAY,
    "analysis.centrality.x__sampled_paths__mutmut_41": "Equivalent: a component of exactly `sample` authors then also "
    "goes through closeness_sampled, which takes all its members as sources (exact), and is overwritten by the exact "
    "pass over the small components, which still takes it (<=).",
    "analysis.centrality.x_centrality__mutmut_39": "Equivalent: with distance None igraph takes the 'distance' edge "
    "attribute as path lengths, and to_igraph set it for the distance asked (1 per link for hops).",
    "analysis.centrality.x_centrality__mutmut_82": "Equivalent: PageRank is float64 already; astype(None) is float64.",
    "analysis.centrality.x_centrality__mutmut_85": "Equivalent on every graph whose distinct PageRank scores differ by "
    "more than 1e-12: engine noise is ~1e-16, so ties merge at 13 digits as at 12.",
    "analysis.centrality.x_closeness_sampled__mutmut_13": "Equivalent: a component of exactly `sample` members then "
    "draws all of them without replacement, sorted: the members themselves.",
    "analysis.centrality.x_closeness_sampled__mutmut_17": _NOT_FALSE,
    "analysis.centrality.x_people_first__mutmut_12": _CASELESS,
    "analysis.centrality.x_sample_sources__mutmut_6": _NOT_FALSE,
    "analysis.communities.x__igraph_membership__mutmut_13": "Equivalent: n_iterations=2 is community_leiden's default.",
    "analysis.communities.x__networkx_membership__mutmut_15": "Equivalent: weight='weight' is "
    "louvain_communities' default.",
    "analysis.communities.x__modularity__mutmut_1": _NX_FALLBACK,
    "analysis.communities.x__modularity__mutmut_2": _NX_FALLBACK,
    "analysis.communities.x__modularity__mutmut_8": _NX_FALLBACK,
    "analysis.communities.x__modularity__mutmut_9": _NX_FALLBACK,
    "analysis.communities.x__modularity__mutmut_10": _NX_FALLBACK,
    "analysis.communities.x__modularity__mutmut_31": "Equivalent: with one link every method puts both its ends in "
    "one community, whose modularity is 1 - (2/2)^2 = 0, the value returned.",
    "analysis.communities.x__sync_membership__mutmut_8": _DISTINCT_KEYS,
    "analysis.communities.x__sync_membership__mutmut_10": _DISTINCT_KEYS,
    "analysis.communities.x__sync_membership__mutmut_13": _CASELESS,
    "analysis.communities.x__sync_membership__mutmut_16": "Equivalent: sync_label_propagation converts the weights "
    "to float itself.",
    "analysis.communities.x__sync_membership__mutmut_35": "Equivalent: as _16.",
    "analysis.communities.x__sync_membership__mutmut_37": "Equivalent: as _16.",
    "analysis.communities.x__sync_membership__mutmut_25": "Equivalent: sync_label_propagation reshapes the pairs to "
    "(m, 2) itself.",
    "analysis.communities.x__sync_membership__mutmut_31": "Equivalent: numpy reads any negative size in reshape as "
    "'the rest' (-2 as -1).",
    "analysis.engine.x__tables_to_igraph__mutmut_10": _SAME_LENGTHS,
    "analysis.engine.x__tables_to_igraph__mutmut_13": _SAME_LENGTHS,
    "analysis.engine.x__tables_to_igraph__mutmut_16": _SAME_LENGTHS,
    "analysis.engine.x__tables_to_igraph__mutmut_25": _UNDIRECTED,
    "analysis.engine.x__tables_to_igraph__mutmut_28": _UNDIRECTED,
    "analysis.engine.x_to_igraph__mutmut_33": _UNDIRECTED,
    "analysis.engine.x_to_igraph__mutmut_36": _UNDIRECTED,
    "analysis.engine.x_integer_weights__mutmut_4": "Equivalent: 'XXiuXX' still contains 'i' and 'u'.",
    "analysis.engine.x_integer_weights__mutmut_13": "Equivalent: the default stands for a missing weight; 2 is an "
    "int as 1 is.",
    "analysis.parallel.x__compute__mutmut_6": _FLOAT_ARRAY,
    "analysis.parallel.x__compute__mutmut_8": _FLOAT_ARRAY,
    "analysis.parallel.x__compute__mutmut_15": _FLOAT_ARRAY,
    "analysis.parallel.x__compute__mutmut_17": _FLOAT_ARRAY,
    "analysis.parallel.xǁPathPoolǁdistance_sums__mutmut_2": "Equivalent: _compute reads every kind but "
    "'betweenness' as distances.",
    "analysis.parallel.xǁPathPoolǁdistance_sums__mutmut_3": "Equivalent: as _2.",
    "analysis.parallel.xǁPathPoolǁ_run__mutmut_1": "Equivalent in results: a single task then runs in a worker "
    "instead of this process (the same igraph call).",
    "analysis.parallel.xǁPathPoolǁ_run__mutmut_3": "Equivalent in results: two tasks then run in this process "
    "instead of the workers, summed in the same order.",
    "analysis.parallel.xǁPathPoolǁ_run__mutmut_4": "Equivalent: as _3.",
    "analysis.timeline.x__coauthors_per_year__mutmut_3": "Equivalent: each count is looked up by author id "
    "(authors[code]), so the order of the codes does not matter.",
    "analysis.timeline.x__coauthors_per_year__mutmut_5": "Equivalent: as _3.",
    "analysis.timeline.x__coauthors_per_year__mutmut_8": "Equivalent: as _3.",
    "analysis.timeline.x__coauthors_per_year__mutmut_14": "Equivalent: float years are turned into int(year) for the "
    "keys, the same as int64 years.",
    "analysis.timeline.x__coauthors_per_year__mutmut_23": "Equivalent: the matrix shape inferred from one year's "
    "entries covers every author of that year, the only ones looked up.",
    "analysis.timeline.x__coauthors_per_year__mutmut_25": "Equivalent: as _23.",
    "analysis.timeline.x__coauthors_per_year__mutmut_39": _SAME_LENGTHS,
    "analysis.timeline.x__coauthors_per_year__mutmut_42": _SAME_LENGTHS,
    "analysis.timeline.x__coauthors_per_year__mutmut_47": _SAME_LENGTHS,
    "analysis.timeline.x__largest_share_by_year__mutmut_32": "Equivalent: connected_components' default connection "
    "is 'weak', and the weak components of the directed graph are those of the undirected one.",
    "analysis.timeline.x__largest_share_by_year__mutmut_34": "Equivalent: as _32.",
    "analysis.timeline.x__largest_share_by_year__mutmut_35": "Equivalent: as _32.",
    "analysis.timeline.x__largest_share_by_year__mutmut_38": "Equivalent: the sizes of a year with no author are never "
    "read (its share is 0.0 by the test below).",
    "analysis.timeline.x__largest_share_by_year__mutmut_40": "Equivalent: as _38.",
    "analysis.timeline.x__largest_share_by_year__mutmut_41": "Equivalent: as _38.",
    "analysis.timeline.x__largest_share_by_year__mutmut_5": _INT_OR_EMPTY,
    "analysis.timeline.x__largest_share_by_year__mutmut_7": _INT_OR_EMPTY,
    "analysis.timeline.x__largest_share_by_year__mutmut_10": _INT_OR_EMPTY,
    "analysis.timeline.x__largest_share_by_year__mutmut_12": _INT_OR_EMPTY,
    "analysis.timeline.x__largest_share_by_year__mutmut_15": _INT_OR_EMPTY,
    "analysis.timeline.x__largest_share_by_year__mutmut_17": _INT_OR_EMPTY,
    "analysis.timeline.x_timeline__mutmut_2": "Equivalent: float years (2000.0) hash and compare equal to int years, "
    "and the table's year index is int64 whatever they are.",
    "analysis.timeline.x_timeline__mutmut_4": "Equivalent: pandas makes float64 of int years with None (NaN) "
    "without dtype='float'.",
    "analysis.timeline.x_timeline__mutmut_6": "Equivalent: as _4.",
    "analysis.timeline.x_timeline__mutmut_23": "Equivalent: as _2 (edge years).",
    "analysis.timeline.x_timeline__mutmut_25": "Equivalent: as _2 (edge years).",
    "analysis.timeline.x_timeline__mutmut_40": "Equivalent: as _2 (paper years).",
    "analysis.timeline.x_timeline__mutmut_63": "Equivalent: as _2 (float group keys reindexed on int years).",
    "analysis.sensitivity.x__compare_rankings__mutmut_8": _SCIPY_NAN,
    "analysis.sensitivity.x__compare_rankings__mutmut_9": _SCIPY_NAN,
    "analysis.sensitivity.x__compare_rankings__mutmut_10": _SCIPY_NAN,
    "analysis.sensitivity.x__compare_rankings__mutmut_15": _SCIPY_NAN,
    "analysis.sensitivity.x__compare_rankings__mutmut_18": _SCIPY_NAN,
    "analysis.sensitivity.x__compare_rankings__mutmut_39": _SCIPY_NAN,
    "analysis.sensitivity.x__compare_rankings__mutmut_48": _SCIPY_NAN,
    "analysis.sensitivity.x__contingency__mutmut_15": "Equivalent: counts in float64 are exact, and the pair counts "
    "and probabilities come out the same.",
    "analysis.sensitivity.x__contingency__mutmut_17": "Equivalent: as _15.",
    "analysis.sensitivity.x__contingency__mutmut_19": "Equivalent: an extra empty row of the contingency table adds 0 "
    "to every pair count, and NMI skips empty cells and labels.",
    "analysis.sensitivity.x__contingency__mutmut_21": "Equivalent: as _19 (an empty column).",
    "analysis.sensitivity.x__membership__mutmut_7": "Equivalent: _membership is only called with resolution 1.0, "
    "communities' default.",
    "analysis.sensitivity.x_adjusted_rand__mutmut_8": "Equivalent: x (x - 1) is even, so / 2 and // 2 give the same.",
    "analysis.sensitivity.x_adjusted_rand__mutmut_32": "Equivalent: with two authors the result is the same whether "
    "the expected index is computed or 0 (together in both: 1; together in one: 0; apart in both: 1).",
    "analysis.sensitivity.x_adjusted_rand__mutmut_33": "Equivalent: with at most one author there is no pair, so the "
    "maximum index is 0 and the index is 1.0 for an expected 0 (max == expected) as for 1 ((0 - 1) / (0 - 1)).",
    "analysis.sensitivity.x_normalized_mutual_info__mutmut_2": "Equivalent: astype(None) is float64.",
    "analysis.sensitivity.x_normalized_mutual_info__mutmut_30": _NO_EMPTY_LABEL,
    "analysis.sensitivity.x_normalized_mutual_info__mutmut_33": _NO_EMPTY_LABEL,
    "analysis.sensitivity.x_normalized_mutual_info__mutmut_39": _NO_EMPTY_LABEL,
    "analysis.sensitivity.x_normalized_mutual_info__mutmut_42": _NO_EMPTY_LABEL,
    "analysis.sensitivity.x_sensitivity__mutmut_26": "Equivalent: PageRank draws nothing at random; the seed only "
    "feeds the sampled path measures, not asked for here.",
    "analysis.sensitivity.x_sensitivity__mutmut_29": "Equivalent: as _26.",
    "analysis.sensitivity.x_sensitivity__mutmut_28": "Equivalent: every measure is computed and PageRank taken: the "
    "same column, only slower.",
    "analysis.sensitivity.x_sensitivity__mutmut_60": "Equivalent: the full-weighting graph is built again instead of "
    "taken from the ones built: the same tables.",
    "analysis.sensitivity.x_sensitivity__mutmut_61": "Equivalent: as _60.",
    "analysis.sensitivity.x_sensitivity__mutmut_62": "Equivalent: as _60.",
    "names.forms.x__abbreviates__mutmut_4": "Equivalent: given-name pieces are lower-cased, so there is no X to strip.",
    "names.forms.x__abbreviates__mutmut_7": "Equivalent: as _4.",
    "names.forms.x__prefix__mutmut_3": "Equivalent: a word sorts before the longer words it starts, so lexical and "
    "length order agree whenever one piece can start the other (otherwise startswith fails either way).",
    "names.forms.x__prefix__mutmut_5": "Equivalent: as _3.",
    "names.forms.x__tokens_agree__mutmut_17": _SAME_LENGTHS,
    "names.forms.x__tokens_agree__mutmut_20": _SAME_LENGTHS,
    "names.forms.x__tokens_agree__mutmut_21": _SAME_LENGTHS,
    "names.forms.x__tokens_agree__mutmut_25": "Equivalent: the lengths differ here (equal ones returned above), "
    "so < and <= agree.",
    "names.forms.x__tokens_agree__mutmut_35": "Equivalent: short[0] ends with a dot, so _pieces_agree returns from "
    "its abbreviation branch, which does not read strict.",
    "names.forms.x_compatible__mutmut_39": "Equivalent: strict=False is zip's default (None is falsy).",
    "names.forms.x_compatible__mutmut_42": "Equivalent: as _39.",
    "names.aliases.x_aliases_text__mutmut_23": _SAME_LENGTHS,
    "names.aliases.x_aliases_text__mutmut_26": _SAME_LENGTHS,
    "names.aliases.x_aliases_text__mutmut_29": _SAME_LENGTHS,
    "names.aliases.x_aliases_text__mutmut_77": _SAME_LENGTHS,
    "names.aliases.x_aliases_text__mutmut_80": _SAME_LENGTHS,
    "names.aliases.x_aliases_text__mutmut_85": _SAME_LENGTHS,
    "names.aliases.x_aliases_text__mutmut_46": "Equivalent: the rule as-written only comes from --resolve off, whose "
    "author ids are the names as written, never their natural id (a lower-case slug), so those authors are not plain "
    "either way.",
    "names.aliases.x_aliases_text__mutmut_47": "Equivalent: as _46.",
    "names.aliases.x_read_aliases__mutmut_14": "Equivalent: codec names are case-insensitive.",
    "names.grouping.xǁ_Blockǁadd__mutmut_4": "Equivalent: exact, by_key and by_initial are insertion-ordered sets of "
    "group numbers (dicts whose values are never read): '' instead of None changes nothing.",
    "names.grouping.xǁ_Blockǁadd__mutmut_5": "Equivalent: as _4.",
    "names.grouping.xǁ_Blockǁadd__mutmut_6": "Equivalent: as _4.",
    "names.grouping.xǁ_Grouperǁrun__mutmut_19": _EVERY_UNIT_DECIDED,
    "names.grouping.xǁ_Grouperǁrun__mutmut_21": _EVERY_UNIT_DECIDED,
    "names.grouping.xǁ_Grouperǁrun__mutmut_22": _EVERY_UNIT_DECIDED,
    "names.grouping.xǁ_Grouperǁrun__mutmut_23": _EVERY_UNIT_DECIDED,
    "names.grouping.xǁ_Grouperǁrun__mutmut_9": _GROUP_IDENTIFIED,
    "names.grouping.xǁ_Grouperǁrun__mutmut_11": _GROUP_IDENTIFIED,
    "names.grouping.xǁ_Grouperǁrun__mutmut_12": _GROUP_IDENTIFIED,
    "names.grouping.xǁ_Grouperǁ_new_group__mutmut_1": _GROUP_IDENTIFIED,
    "names.grouping.xǁ_Grouperǁ_new_group__mutmut_9": _GROUP_IDENTIFIED,
    "names.grouping.xǁ_Grouperǁ_new_group__mutmut_14": _GROUP_IDENTIFIED,
    "names.grouping.xǁ_Grouperǁ_new_group__mutmut_13": _APART_UNSEEN,
    "names.grouping.xǁ_Grouperǁ_apart__mutmut_3": _APART_UNSEEN,
    "names.grouping.xǁ_Grouperǁ_apart__mutmut_5": _APART_UNSEEN,
    "names.grouping.xǁ_Grouperǁ_apart__mutmut_6": _APART_UNSEEN,
    "names.grouping.xǁ_Grouperǁ_decide__mutmut_27": "Equivalent: _apart does not use its block argument.",
    "names.grouping.xǁ_Grouperǁ_decide__mutmut_64": "Equivalent: as _27.",
    "names.grouping.xǁ_Grouperǁ_decide__mutmut_144": "Equivalent: as _27.",
    "names.grouping.x_group_units__mutmut_1": "Equivalent: every caller (resolve) passes strict=.",
    "names.grouping.xǁ_Blockǁadd__mutmut_1": "Equivalent: unidentified units have distinct name keys, so a later "
    "unit never looks up an unidentified group under its own key in `exact`.",
    "names.grouping.xǁ_Grouperǁ_decide__mutmut_47": "Equivalent: east_asian_rule=None is falsy, read as False.",
    "analysis.tracking.x_track_communities__mutmut_101": "Equivalent: children are only counted (len), "
    "so None instead of c changes nothing.",
    "analysis.tracking.x_track_communities__mutmut_12": "Equivalent: previous_active is only read while "
    "comparing with a previous slice, after it is set.",
    "analysis.tracking.x_track_communities__mutmut_140": "Equivalent: every node of a built graph has its "
    "papers, so the default is never used.",
    "analysis.tracking.x_track_communities__mutmut_142": "Equivalent: as _140.",
    "analysis.tracking.x_track_communities__mutmut_143": "Equivalent: as _140.",
    "analysis.tracking.x_track_communities__mutmut_158": "Equivalent: the communities table names every "
    "node of the slice's graph, so the default is never used.",
    "analysis.tracking.x_track_communities__mutmut_159": "Equivalent: as _158.",
    "analysis.tracking.x_track_communities__mutmut_188": "Equivalent: a death row's community is missing "
    "either way (None, or a key the table does not take).",
    "analysis.tracking.x_track_communities__mutmut_189": "Equivalent: as _188.",
    "analysis.tracking.x_track_communities__mutmut_32": "Equivalent: between() gives a boolean Series, "
    "whose numpy array is bool without dtype=.",
    "analysis.tracking.x_track_communities__mutmut_95": "Equivalent: by_first=None is falsy, read as False.",
    "analysis.labelprop.x_sync_label_propagation__mutmut_11": _NEGATIVE_RESHAPE,
    "analysis.labelprop.x_sync_label_propagation__mutmut_15": _LP_FLOAT_SUMS,
    "analysis.labelprop.x_sync_label_propagation__mutmut_17": _LP_FLOAT_SUMS,
    "analysis.labelprop.x_sync_label_propagation__mutmut_41": _LP_BINCOUNT,
    "analysis.labelprop.x_sync_label_propagation__mutmut_42": _LP_ISOLATED,
    "analysis.labelprop.x_sync_label_propagation__mutmut_52": _INT64_ARANGE,
    "analysis.labelprop.x_sync_label_propagation__mutmut_54": _INT64_ARANGE,
}

#: Survivors of a module's last run that a test written since kills, checked one by one (the mutation
#: applied by hand to a copy, the test run) where the module has not been run again yet.
KILLED_SINCE: dict[str, str] = {}


def _killed_by(test: str, *mutants: str) -> None:
    for mutant in mutants:
        KILLED_SINCE[mutant] = (
            f"Killed since by `{test}` (checked by applying one mutant of each kind by hand; "
            "the module is not run again yet)."
        )


_C = "analysis.centrality."
_killed_by(
    "tests/analysis/test_centrality.py::test_igraph_eigenvector_hides_its_nearly_zero_note_only",
    _C + "x__eigenvector_igraph__mutmut_17",
)
_killed_by(
    "tests/analysis/test_centrality.py::test_eigenvector_of_a_long_path_and_one_per_component",
    _C + "x__eigenvector_networkx__mutmut_18",
)
_killed_by(
    "tests/analysis/test_centrality.py::test_graphs_without_links",
    *(_C + f"x__igraph_measures__mutmut_{k}" for k in (118, 119, 120, 121, 63)),
)
_killed_by(
    "tests/analysis/test_centrality.py::test_the_seed_reaches_igraphs_eigenvector_start",
    _C + "x__igraph_measures__mutmut_95",
)
_killed_by(
    "tests/analysis/test_centrality.py::test_inverse_weight_alone",
    _C + "x__networkx_measures__mutmut_31",
    _C + "x__networkx_measures__mutmut_32",
)
_killed_by(
    "tests/analysis/test_centrality.py::test_a_component_of_exactly_the_sample_size_is_exact",
    _C + "x__sampled_paths__mutmut_44",
)
_killed_by(
    "tests/analysis/test_centrality.py::test_an_unknown_measure_is_named_with_the_known_ones",
    *(_C + f"x_centrality__mutmut_{k}" for k in (8, 12, 13, 14, 15)),
)
_killed_by(
    "tests/analysis/test_centrality.py::test_sampling_starts_above_the_limit_and_is_said_only_for_path_measures",
    *(_C + f"x_centrality__mutmut_{k}" for k in (23, 68, 69)),
)
_killed_by(
    "tests/analysis/test_centrality.py::test_strength_is_an_integer_for_integer_weights", _C + "x_centrality__mutmut_37"
)
_killed_by(
    "tests/analysis/test_centrality.py::test_rows_are_sorted_by_pagerank_then_author_id",
    *(_C + f"x_centrality__mutmut_{k}" for k in (75, 76, 79)),
)
_killed_by(
    "tests/analysis/test_centrality.py::test_closeness_sampled_sources_and_values",
    *(_C + f"x_closeness_sampled__mutmut_{k}" for k in (9, 20, 21)),
)
_killed_by(
    "tests/analysis/test_centrality.py::test_people_first_keeps_each_group_in_its_order",
    *(_C + f"x_people_first__mutmut_{k}" for k in (1, 2, 3, 4, 5, 7, 8)),
)
_killed_by(
    "tests/analysis/test_centrality.py::test_sample_sources_draw_without_replacement",
    _C + "x_sample_sources__mutmut_9",
    _C + "x_sample_sources__mutmut_10",
)
_killed_by(
    "tests/analysis/test_parallel.py::test_a_worker_computes_on_the_graph_it_was_started_with",
    "analysis.parallel.x__in_worker__mutmut_2",
)
_T = "analysis.tracking."
_killed_by(
    "tests/analysis/test_tracking.py::test_the_best_overlap_wins_wherever_it_comes",
    *(_T + f"x__best__mutmut_{k}" for k in (7, 9, 10)),
)
_killed_by(
    "tests/analysis/test_tracking.py::test_death_rows_name_nobody",
    *(_T + f"x_track_communities__mutmut_{k}" for k in (193, 194, 195)),
)
_killed_by(
    "tests/analysis/test_tracking.py::test_the_weighting_and_method_reach_each_slice",
    *(_T + f"x_track_communities__mutmut_{k}" for k in (29, 46, 61)),
)
_killed_by(
    "tests/analysis/test_tracking.py::test_undated_authorships_are_in_no_slice", _T + "x_track_communities__mutmut_40"
)
_killed_by("tests/analysis/test_tracking.py::test_the_default_cap_is_50_authors", _T + "x_track_communities__mutmut_5")
_killed_by(
    "tests/analysis/test_tracking.py::test_the_seed_reaches_each_slice",
    *(_T + f"x_track_communities__mutmut_{k}" for k in (8, 9, 59, 63)),
)
_B = "graph.build."
_killed_by("tests/graph/test_graph.py::test_each_author_keeps_its_own_spellings", _B + "x__variants__mutmut_14")
_killed_by(
    "tests/graph/test_graph.py::test_kinds_and_the_default_weighting_of_an_authorship_table",
    *(_B + f"x__node_table__mutmut_{k}" for k in (76, 77, 86)),
    _B + "x_graph_from_authorships__mutmut_1",
    _B + "x_graph_from_authorships__mutmut_2",
    *(_B + f"x_tables_to_networkx__mutmut_{k}" for k in (32, 33, 36, 37, 38, 39)),
)
_killed_by(
    "tests/names/test_aliases.py::test_aliases_text_writes_openalex_ids_and_every_removal",
    *(f"names.aliases.x_aliases_text__mutmut_{k}" for k in (3, 5, 92)),
)

#: Runs stopped before the end, with what was seen (no score: a module's
#: score is only written for a complete run).
STOPPED: dict[str, str] = {
    "coauthor/names/data.py": "no mutant to run: the module is tables built at import, and mutmut mutates only code "
    "inside functions (the run ends without a stats file)",
}

#: mutmut's timeout_multiplier (its default, 15, let each endless loop of
#: names.py's particle splitting run ten minutes on the slow resolve tests).
TIMEOUT = 2.0

COPIED = ("coauthor", "tests", "seeds", "conftest.py", "pyproject.toml")

#: Appended to the scratch copy's conftest.py: mutmut forks every mutant's
#: test run from the process that ran all the tests once (to see which test
#: reaches which function), so a memoised function (name_form's lru_cache)
#: would answer from that run and hide every mutant of what it calls
#: (_given_tokens, _letters, _piece: 50 "survivors" in forms.py before this).
FRESH_CACHES = """

import pytest as _mutation_pytest


@_mutation_pytest.fixture(autouse=True)
def _mutation_fresh_caches():
    from coauthor.names.forms import name_form

    name_form.cache_clear()
"""


def run_module(module: str, tests: list[str], jobs: int) -> dict[str, object]:
    """Mutate ``module`` in a scratch copy, run its tests on every mutant;
    returns the counts, the seconds taken and each survivor's diff."""
    with tempfile.TemporaryDirectory(prefix="coauthor-mutation-") as scratch:
        work = Path(scratch)
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(source, work / name)
        section: dict[str, object] = {
            "source_paths": ["coauthor"],
            "only_mutate": [module],
            "pytest_add_cli_args_test_selection": tests + [f"--deselect={test}" for test in SLOW],
            "pytest_add_cli_args": ["-p", "no:cacheprovider", "-o", "addopts=", "-q"],
            "use_git_change_detection": False,
            "also_copy": ["seeds", "conftest.py"],
            # a mutant that makes a loop endless is stopped after TIMEOUT x
            # (its tests' own seconds + 1) x 2 and counted as killed
            "timeout_multiplier": TIMEOUT,
            "timeout_constant": 1.0,
        }
        with (work / "conftest.py").open("a", encoding="utf-8") as conftest:
            conftest.write(FRESH_CACHES)
        with (work / "pyproject.toml").open("a", encoding="utf-8") as config:
            config.write("\n[tool.mutmut]\n")
            for key, value in section.items():
                config.write(f"{key} = {json.dumps(value)}\n")
        mutmut = [sys.executable, "-m", "mutmut"]
        started = time.monotonic()
        with (work / "mutmut.log").open("w", encoding="utf-8") as log:  # progress, while it runs
            subprocess.run([*mutmut, "run", "--max-children", str(jobs)], cwd=work, check=False, stdout=log)
        seconds = time.monotonic() - started
        subprocess.run([*mutmut, "export-cicd-stats"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
        listing = subprocess.run([*mutmut, "results"], cwd=work, check=True, capture_output=True, text=True).stdout
        survivors = {}
        for line in listing.splitlines():
            name, _, status = line.strip().partition(": ")
            if status == "survived":
                shown = subprocess.run([*mutmut, "show", name], cwd=work, capture_output=True, text=True).stdout
                survivors[name] = shown.strip()
    return {"tests": tests, "seconds": round(seconds), "stats": stats, "survivors": survivors}


def score(stats: dict[str, int]) -> tuple[int, int]:
    """Killed (timeouts count as killed) and tested (all but skipped) mutants."""
    killed = int(stats.get("killed", 0)) + int(stats.get("timeout", 0))
    return killed, int(stats.get("total", 0)) - int(stats.get("skipped", 0))


def _equivalent(mutant: str) -> str | None:
    """Why a surviving mutant is equivalent, or None when not known."""
    return EQUIVALENT.get(mutant.removeprefix("coauthor."))


def report(results: dict[str, dict[str, object]]) -> str:
    """MUTATION.md: one row per module run, then every survivor."""
    lines = [
        "# Mutation testing",
        "",
        "Written by `python benchmarks/mutation.py` (mutmut, one module at a time, each with the test files",
        "listed, less the slow tests named below; a mutant is killed when a test fails on it, or runs past",
        "mutmut's timeout (an endless loop)). Modules not listed have not been run yet.",
        "",
        "| module | mutants | killed | survived | score | equivalent survivors | minutes | tests |",
        "|---|---|---|---|---|---|---|---|",
    ]
    total_killed = total_tested = 0
    for module in TARGETS:
        if module not in results:
            continue
        result = results[module]
        stats = result["stats"]
        assert isinstance(stats, dict) and isinstance(result["survivors"], dict)
        killed, tested = score(stats)
        total_killed, total_tested = total_killed + killed, total_tested + tested
        equivalent = sum(_equivalent(name) is not None for name in result["survivors"])
        lines.append(
            f"| `{module}` | {tested} | {killed} | {len(result['survivors'])} | {100 * killed / max(tested, 1):.1f} % "
            f"| {equivalent} | {int(result['seconds']) / 60:.1f} | {', '.join(result['tests'])} |"  # type: ignore[arg-type]
        )
    if total_tested:
        lines += [
            "",
            f"All modules run: {total_killed} of {total_tested} killed ({100 * total_killed / total_tested:.1f} %).",
        ]
    for module, seen in STOPPED.items():
        if module not in results:
            lines += ["", f"`{module}`: {seen}."]
    lines += ["", "Slow tests left out of every run: " + ", ".join(f"`{test}`" for test in SLOW) + "."]
    left = [m for m in TARGETS if m not in results]
    if left:
        lines += ["", "Not run yet: " + ", ".join(f"`{m}`" for m in left) + "."]
    lines += ["", "## Survivors", ""]
    for result in results.values():
        for name, diff in result["survivors"].items():  # type: ignore[attr-defined]
            why = _equivalent(name) or KILLED_SINCE.get(name.removeprefix("coauthor.")) or "not yet explained or killed"
            lines += [f"### `{name}`", "", f"{why}", "", "```diff", diff, "```", ""]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="modules to run (default: all of TARGETS)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--report-only", action="store_true", help="rewrite MUTATION.md from mutation.json")
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for module in [] if args.report_only else (args.modules or list(TARGETS)):
        print(f"{module}: running", flush=True)
        results[module] = run_module(module, TARGETS[module], args.jobs)
        RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        killed, tested = score(results[module]["stats"])
        print(f"{module}: {killed}/{tested} killed in {results[module]['seconds']} s", flush=True)
    REPORT.write_text(report(results), encoding="utf-8")


if __name__ == "__main__":
    main()
