"""Merging variants of one person's name, on co-author evidence.

The grouping (:mod:`coauthor.names.grouping`) joins names that are
compatible as strings. This pass then joins two people found apart when
their names are *variants* of each other and the evidence says they are
one person: a co-author in common (a resolved person, neither of the
two). The string alone never merges. The rule names what the variant is:

* ``variant-transliteration``: equal once ``ä ö ü ø å`` are written ``ae oe
  ue oe aa`` (``Müller`` / ``Mueller``, ``Jürgen`` / ``Juergen``; other
  accents, ``ß`` / ``ss`` and the dotless ``ı`` are folded for every name
  already, so ``Jiří`` / ``Jiri`` / ``Jiřı`` are ``exact-name``);
* ``variant-hyphenation``: equal once hyphens between given names are
  spaces (``J.-P. Serre`` / ``Jean Pierre Serre``; ``Jean-Pierre`` /
  ``Jean Pierre`` / ``Jeanpierre`` are ``exact-name`` already), with the same
  number of given names on both sides;
* ``variant-particle``: a particle written into the family name or
  abbreviated (``E. Van Herwijnen`` / ``Eric van Herwijnen``, ``v.`` /
  ``von``);
* ``variant-typo``: family names one edit apart (a letter changed, added,
  dropped, or two neighbours swapped; umlauts written out, so ``Müller`` /
  ``Miller`` are two edits), both at least :data:`MIN_TYPO_FAMILY` letters
  long, the edit neither on the first nor on the last letter (``Gimenez`` /
  ``Jimenez``, ``Petrov`` / ``Petrova`` are often two people); the given
  names compatible; and the rarer spelling a typo's: written in at most
  :data:`MAX_TYPO_MENTIONS` mentions of the whole input, fewer than the
  other (``Anderson`` / ``Andersen``, both common, are two names);
* ``variant-given-typo``: the same family name, one given name one edit
  from the other, both at least :data:`MIN_TYPO_GIVEN` letters long, not on
  the last letter (``Leila`` / ``Leyla``, ``Philip`` / ``Phillip``; never
  ``Paul`` / ``Paula`` or ``Francesco`` / ``Francesca``).

Neither typo rule applies to East Asian names, where one letter tells
two given names apart (``Haifeng`` / ``Haipeng``).

Two people are never merged when they share a paper, when they hold two
different identifiers (ORCID or author id: a shared one already made
them one person), or when any name of one is neither compatible with nor
a variant of every name of the other; a person backed towards two people
who cannot be one is left apart (ambiguous). Organisations and people pinned by
the alias file are left as they are. Pairs are taken with the most shared
co-authors first, then by name, so the result does not depend on the
order of the papers; the smaller side gets the rule and the evidence
(``~ Hans Müller; shared co-authors: Ann Lee``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from coauthor.names.forms import NameForm, compatible, name_form

#: The rules of this pass, in the order a pair's variant is named.
VARIANT_RULES = (
    "variant-transliteration",
    "variant-hyphenation",
    "variant-particle",
    "variant-typo",
    "variant-given-typo",
)
#: Family names shorter than this are never typo variants (``Smith`` / ``Smyth``).
MIN_TYPO_FAMILY = 6
#: A family name's typo spelling is written in at most this many mentions.
MAX_TYPO_MENTIONS = 3
#: Given names shorter than this are never typo variants (``Paul`` / ``Pauk``).
MIN_TYPO_GIVEN = 5
#: How many co-authors an evidence text lists before "...".
EVIDENCE_NAMES = 5

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"}
)


@dataclass(frozen=True)
class Mentions:
    """What the pass reads, one entry per mention: ``person`` (a number),
    ``paper`` (a number), ``code`` (the name's index into ``names`` and
    ``forms``), ``ident`` (the identity of an identified mention, else
    ``""``) and ``mergeable`` (False: organisations, pinned people)."""

    person: np.ndarray
    paper: np.ndarray
    code: np.ndarray
    ident: np.ndarray
    mergeable: np.ndarray


@dataclass(frozen=True)
class Merge:
    """``person`` joins ``into`` by ``rule``, with ``evidence``."""

    person: int
    into: int
    rule: str
    evidence: str


def merge_variants(mentions: Mentions, names: Sequence[str], forms: Sequence[NameForm]) -> dict[int, Merge]:
    """The merges of variant names backed by a shared co-author (see the
    module docs): for each person merged into another, the person it is
    now (``into``), the rule and the evidence of its merge."""
    return _Merger(mentions, names, forms).run()


_WRITTEN_OUT = frozenset("äöüÄÖÜøØåÅ")


def transliterated(name: str) -> NameForm:
    """The form of ``name`` with umlauts written out (``Müller`` -> ``mueller``)."""
    if "\\" not in name and _WRITTEN_OUT.isdisjoint(name):
        return name_form(name, False)  # the cache entry resolve made
    return _transliterated(name)


@lru_cache(maxsize=1 << 16)
def _transliterated(name: str) -> NameForm:
    if "\\" in name:
        from coauthor.readers.latex import latex_to_text

        name = latex_to_text(name)
    return name_form(name.translate(_TRANSLITERATION))


def variant_rule(a: NameForm, b: NameForm, raw_a: str, raw_b: str) -> str | None:
    """The rule that makes two incompatible names variants, or None (also
    for compatible names: they need no variant rule).

    >>> variant_rule(name_form("Hans Müller"), name_form("Hans Mueller"), "Hans Müller", "Hans Mueller")
    'variant-transliteration'
    >>> variant_rule(name_form("Jon Smith"), name_form("Jon Smyth"), "Jon Smith", "Jon Smyth") is None
    True
    """
    if compatible(a, b):
        return None
    ta, tb = transliterated(raw_a), transliterated(raw_b)
    if (ta, tb) != (a, b) and (compatible(ta, tb) or compatible(ta, b) or compatible(a, tb)):
        return "variant-transliteration"
    if _pieces(a) == _pieces(b) and compatible(_flat(a), _flat(b)):
        return "variant-hyphenation"
    if (a.particle or b.particle) and (
        compatible(_joined(a), _joined(b))
        or (_abbreviated(a.particle, b.particle) and compatible(replace(a, particle=b.particle), b))
    ):
        return "variant-particle"
    if a.east_asian or b.east_asian:  # one letter tells pinyin syllables apart: Haifeng / Haipeng
        return None
    if a.family != b.family:
        if min(len(a.family), len(b.family)) >= MIN_TYPO_FAMILY and one_edit(ta.family, tb.family):
            if compatible(replace(a, family=b.family), b):
                return "variant-typo"
        return None
    if _given_typo(a, b):
        return "variant-given-typo"
    return None


def one_edit(p: str, q: str) -> bool:
    """True when ``p`` and ``q`` differ by one letter changed, added or
    dropped, or two neighbours swapped, and neither on the first nor on the
    last letter (``Gimenez`` / ``Jimenez``, ``Petrov`` / ``Petrova`` are
    often two people).

    >>> one_edit("phillip", "philip"), one_edit("leila", "leyla"), one_edit("paula", "paul")
    (True, True, False)
    >>> one_edit("gimenez", "jimenez")
    False
    """
    if p == q or abs(len(p) - len(q)) > 1 or p[:1] != q[:1]:
        return False
    short, long = sorted((p, q), key=len)
    start = 0
    while start < len(short) and short[start] == long[start]:
        start += 1
    end = 0
    while end < len(short) - start and short[-1 - end] == long[-1 - end]:
        end += 1
    if end == 0:
        return False
    if len(short) != len(long):
        return start + end == len(short)
    if start + end == len(short) - 1:
        return True
    swapped = start + end == len(short) - 2 and p[start] == q[start + 1] and p[start + 1] == q[start]
    return swapped


def _pieces(form: NameForm) -> int:
    return sum(len(token) for token in form.given)


def _flat(form: NameForm) -> NameForm:
    return replace(form, given=tuple((piece,) for token in form.given for piece in token))


def _joined(form: NameForm) -> NameForm:
    return replace(form, family=form.particle.replace(" ", "") + form.family, particle="")


def _abbreviated(x: str, y: str) -> bool:
    """One particle abbreviates the other word by word (``v`` / ``von``, ``v d`` / ``van der``)."""
    xs, ys = x.split(), y.split()
    return (
        x != y
        and len(xs) == len(ys) > 0
        and all(p.startswith(q) or q.startswith(p) for p, q in zip(xs, ys, strict=True))
    )


def _given_typo(a: NameForm, b: NameForm) -> bool:
    """One full given name of ``a`` one edit from the one at its place in
    ``b``, and the names compatible once it is corrected."""
    for t, (x, y) in enumerate(zip(a.given, b.given, strict=False)):
        if len(x) != len(y):
            continue
        for i, (p, q) in enumerate(zip(x, y, strict=True)):
            full = not p.endswith(".") and not q.endswith(".")
            if full and min(len(p), len(q)) >= MIN_TYPO_GIVEN and one_edit(p, q):
                token = (*x[:i], q, *x[i + 1 :])
                fixed = replace(a, given=(*a.given[:t], token, *a.given[t + 1 :]))
                if compatible(fixed, b):
                    return True
    return False


def _deletions(word: str) -> Iterator[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


class _Merger:
    def __init__(self, mentions: Mentions, names: Sequence[str], forms: Sequence[NameForm]) -> None:
        self.m = mentions
        self.names = names
        self.forms = forms
        self.persons = np.unique(mentions.person[mentions.mergeable])
        order = np.argsort(mentions.person, kind="stable")
        starts = np.searchsorted(mentions.person[order], np.arange(int(mentions.person.max(initial=-1)) + 2))
        self.rows_of = lambda p: order[starts[p] : starts[p + 1]]
        by_paper = np.argsort(mentions.paper, kind="stable")
        paper_starts = np.searchsorted(mentions.paper[by_paper], np.arange(int(mentions.paper.max(initial=-1)) + 2))
        self.on_paper = lambda q: mentions.person[by_paper[paper_starts[q] : paper_starts[q + 1]]]
        self._coauthors: dict[int, frozenset[int]] = {}
        self._label: dict[int, str] = {}
        self._families: Counter[str] | None = None

    def run(self) -> dict[int, Merge]:
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        members: dict[int, list[int]] = {}
        merged: dict[int, tuple[str, str]] = {}
        for _, _, _, p, q, rule, shared in sorted(self._backed_pairs()):
            rp, rq = find(p), find(q)
            if rp == rq:
                continue
            mp, mq = members.get(rp, [rp]), members.get(rq, [rq])
            if not self._joinable(mp, mq):
                continue
            if (self._size(mp), self.label(rq)) >= (self._size(mq), self.label(rp)):
                keep, absorb, other = rp, rq, p
            else:
                keep, absorb, other = rq, rp, q
            parent[absorb] = keep
            members[keep] = members.pop(keep, [keep]) + members.pop(absorb, [absorb])
            names = _listing(sorted(self.label(c) for c in shared))
            for person in members[keep]:
                if person != keep and person not in merged:
                    merged[person] = (rule, f"~ {self.label(other)}; shared co-authors: {names}")
        return {person: Merge(person, find(person), *why) for person, why in merged.items()}

    def _size(self, persons: list[int]) -> int:
        return sum(len(self.rows_of(p)) for p in persons)

    def label(self, person: int) -> str:
        """The person's most frequent name as written (ties: alphabetical)."""
        if person not in self._label:
            codes, counts = np.unique(self.m.code[self.rows_of(person)], return_counts=True)
            best = sorted(zip(-counts, (self.names[c] for c in codes), strict=True))[0][1]
            self._label[person] = best
        return self._label[person]

    def coauthors(self, person: int) -> frozenset[int]:
        if person not in self._coauthors:
            papers = np.unique(self.m.paper[self.rows_of(person)])
            found = {int(x) for q in papers for x in self.on_paper(q)}
            found.discard(person)
            self._coauthors[person] = frozenset(found)
        return self._coauthors[person]

    def _codes(self, person: int) -> list[int]:
        return sorted({int(c) for c in self.m.code[self.rows_of(person)]})

    def _joinable(self, a: list[int], b: list[int]) -> bool:
        rows_a = np.concatenate([self.rows_of(p) for p in a])
        rows_b = np.concatenate([self.rows_of(p) for p in b])
        if np.intersect1d(self.m.paper[rows_a], self.m.paper[rows_b]).size:
            return False
        ids = {x for x in self.m.ident[rows_a] if x} | {x for x in self.m.ident[rows_b] if x}
        if len(ids) > 1:
            return False
        codes_a = {int(c) for c in self.m.code[rows_a]}
        codes_b = {int(c) for c in self.m.code[rows_b]}
        return all(self._agree(x, y) for x in codes_a for y in codes_b)

    def _agree(self, x: int, y: int) -> bool:
        a, b = self.forms[x], self.forms[y]
        return compatible(a, b) or variant_rule(a, b, self.names[x], self.names[y]) is not None

    def _backed_pairs(self) -> list[tuple[int, str, str, int, int, str, frozenset[int]]]:
        found = []
        for p, q in self._candidates():
            if not self._joinable([p], [q]):
                continue
            shared = (self.coauthors(p) & self.coauthors(q)) - {p, q}
            if not shared:
                continue
            rule = self._rule(p, q)
            if rule is None:
                continue
            first, second = sorted((self.label(p), self.label(q)))
            found.append((-len(shared), first, second, p, q, rule, shared))
        partners: dict[int, list[int]] = defaultdict(list)
        for *_, p, q, _, _ in found:
            partners[p].append(q)
            partners[q].append(p)
        ambiguous = {
            p
            for p, others in partners.items()
            if any(not self._joinable([x], [y]) for i, x in enumerate(others) for y in others[i + 1 :])
        }
        return [pair for pair in found if pair[3] not in ambiguous and pair[4] not in ambiguous]

    def _rule(self, p: int, q: int) -> str | None:
        rules = set()
        for x in self._codes(p):
            for y in self._codes(q):
                rule = variant_rule(self.forms[x], self.forms[y], self.names[x], self.names[y])
                if rule == "variant-typo" and not self._rare(self.forms[x].family, self.forms[y].family):
                    continue
                if rule is not None:
                    rules.add(rule)
        return next((r for r in VARIANT_RULES if r in rules), None)

    def _rare(self, a: str, b: str) -> bool:
        """One of two family spellings is a typo's: rarer, and rare."""
        if self._families is None:
            ok = self.m.mergeable
            families = [self.forms[c].family for c in self.m.code[ok].tolist()]
            self._families = Counter(families)
        low, high = sorted((self._families[a], self._families[b]))
        return low <= MAX_TYPO_MENTIONS and low < high

    def _candidates(self) -> set[tuple[int, int]]:
        """Pairs of people whose names may be variants, from keys that any
        two variants share (no all-pairs comparison)."""
        home: dict[tuple[str, ...], set[int]] = defaultdict(set)
        probes: dict[tuple[str, ...], set[int]] = defaultdict(set)
        typo: dict[tuple[str, ...], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        seen: set[tuple[int, int]] = set()
        ok = self.m.mergeable
        distinct = np.unique(np.stack([self.m.person[ok], self.m.code[ok]], axis=1), axis=0)
        for person, code in distinct.tolist():
            form, raw = self.forms[code], self.names[code]
            if not form.given or not form.family:
                continue
            initial = form.block[1]
            home[("block", form.family, initial)].add(person)
            if len(form.given) > 1 or any(len(token) > 1 for token in form.given):
                home[("pieces", form.family, _flat_initials(form))].add(person)
            if any(len(token) > 1 for token in form.given):
                probes[("pieces", form.family, _flat_initials(form))].add(person)
            translit = transliterated(raw)
            if translit != form and translit.given:
                probes[("block", translit.family, translit.block[1])].add(person)
            if form.particle:
                probes[("block", _joined(form).family, initial)].add(person)
                probes[("block", form.family, initial)].add(person)
            if form.east_asian:
                continue
            if len(form.family) >= MIN_TYPO_FAMILY:
                for deleted in _deletions(form.family):
                    typo[("family", deleted, initial)][form.family].add(person)
            for token in form.given:
                for piece in token:
                    if not piece.endswith(".") and len(piece) >= MIN_TYPO_GIVEN:
                        for deleted in _deletions(piece):
                            typo[("given", form.family, deleted)][piece].add(person)
        for key, probers in probes.items():
            for p in probers:
                for q in home.get(key, ()):
                    if p != q:
                        seen.add((min(p, q), max(p, q)))
        for spellings in typo.values():
            if len(spellings) < 2:
                continue
            words = sorted(spellings)
            for i, w in enumerate(words):
                for v in words[i + 1 :]:
                    for p in spellings[w]:
                        for q in spellings[v]:
                            if p != q:
                                seen.add((min(p, q), max(p, q)))
        return seen


def _flat_initials(form: NameForm) -> str:
    return "".join(piece[0] for token in form.given for piece in token)


def _listing(names: list[str]) -> str:
    shown = "; ".join(names[:EVIDENCE_NAMES])
    return shown + ("; ..." if len(names) > EVIDENCE_NAMES else "")
