"""Grouping name units into people, one family name at a time.

A *unit* is either one person known by an identifier (ORCID, OpenAlex,
DBLP: possibly several spellings) or one normalised name without an
identifier (every mention whose :attr:`~coauthor.names.forms.NameForm.key`
is equal). Within each family name, units are taken from the most complete
name to the least (then the most frequent, then by key) and each either:

1. joins the one identified person with exactly the same normalised name
   (``exact-name``); several such people leave it apart (``separate``);
2. joins the one open group it is compatible with (every member of the
   group, not only one: no chain of ``J. Smith`` joining John and James),
   ``compatible-variant`` or, for initials, ``initials-unique``; two
   names on one paper are never one person;
3. with several such groups, joins the only one sharing co-authors
   (``initials-coauthors`` / ``variant-coauthors``, the shared co-authors
   recorded) or else stays apart, flagged (``separate``);
4. with none, starts a group of its own (``exact-name``).

Candidate groups come from an index on the first given name (its first
letters, nickname targets) or, for initials, from the groups whose first
initial fits: no all-pairs comparison. ``strict`` stops after step 1.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from coauthor.names.forms import NameForm, compatible

#: How many names an evidence text lists before "...".
EVIDENCE_NAMES = 5


@dataclass(frozen=True)
class Unit:
    """Mentions that are one person before any comparison."""

    forms: tuple[NameForm, ...]
    papers: frozenset[int]
    count: int
    label: str
    identified: bool = False


@dataclass(frozen=True)
class Decision:
    """The group a unit went to, the rule that decided and its evidence."""

    group: int
    rule: str = "exact-name"
    evidence: str = ""


@dataclass
class _Group:
    units: list[int]
    papers: set[int]
    label: str
    open: bool = True
    identified: bool = False
    forms: dict[str, list[NameForm]] = field(default_factory=lambda: defaultdict(list))


Coauthors = Callable[[Iterable[int]], dict[str, str]]


def group_units(units: list[Unit], coauthors: Coauthors, strict: bool = False) -> list[Decision]:
    """Decide the group of every unit (see the module docs).
    ``coauthors(unit_indices)`` gives the co-authors of those units' papers
    as ``{block key: name as written}``."""
    grouper = _Grouper(units, coauthors, strict)
    return grouper.run()


class _Grouper:
    def __init__(self, units: list[Unit], coauthors: Coauthors, strict: bool) -> None:
        self.units = units
        self.coauthors = coauthors
        self.strict = strict
        self.groups: list[_Group] = []
        self.decisions: list[Decision | None] = [None] * len(units)

    def run(self) -> list[Decision]:
        families: dict[str, list[int]] = defaultdict(list)
        for u, unit in enumerate(self.units):
            for family in sorted({form.family for form in unit.forms}):
                families[family].append(u)
            if unit.identified:
                self.decisions[u] = Decision(self._new_group(u, identified=True))
        for family in sorted(families):
            self._family(family, families[family])
        return [d if d is not None else Decision(-1) for d in self.decisions]

    def _new_group(self, u: int, identified: bool = False, open_: bool = True) -> int:
        unit = self.units[u]
        group = _Group([u], set(unit.papers), unit.label, open=open_, identified=identified)
        for form in unit.forms:
            group.forms[form.family].append(form)
        self.groups.append(group)
        return len(self.groups) - 1

    def _family(self, family: str, members: list[int]) -> None:
        block = _Block(family)
        for u in members:
            if self.units[u].identified:
                block.add(self.decisions[u].group, self.units[u].forms, exact=True)  # type: ignore[union-attr]
        names = [u for u in members if not self.units[u].identified]
        names.sort(key=lambda u: _order(self.units[u]))
        for u in names:
            self.decisions[u] = self._decide(u, block)

    def _decide(self, u: int, block: _Block) -> Decision:
        unit = self.units[u]
        form = unit.forms[0]
        same = [g for g in block.exact.get(form.key, {}) if self.groups[g].papers.isdisjoint(unit.papers)]
        if len(same) == 1:
            return self._join(u, same[0], block, "exact-name", f"same name as {self.groups[same[0]].label}")
        if same:
            return self._apart(u, block, "several identified people have this name", same)
        if self.strict:
            return self._start(u, block)
        candidates = block.candidates(form)
        if form.east_asian and form.initials_only:  # never merged on initials alone
            lookalikes = (g for g in candidates if self._fits(u, form, g, east_asian_rule=False))
            shown = list(itertools.islice(lookalikes, EVIDENCE_NAMES + 1))
            return self._apart(u, block, "initials of an East Asian name", shown) if shown else self._start(u, block)
        fits = [g for g in candidates if self._fits(u, form, g)]
        if not fits:
            return self._start(u, block)
        joined = "initials" if form.initials_only else "variant"
        if len(fits) == 1:
            rule = "initials-unique" if form.initials_only else "compatible-variant"
            return self._join(u, fits[0], block, rule, f"~ {self.groups[fits[0]].label}")
        mine = self.coauthors([u])
        shared = {g: self.coauthors(self.groups[g].units).keys() & mine.keys() for g in fits}
        backed = [g for g in fits if shared[g]]
        if len(backed) == 1:
            names = _listing(sorted(mine[k] for k in shared[backed[0]]))
            evidence = f"~ {self.groups[backed[0]].label}; shared co-authors: {names}"
            return self._join(u, backed[0], block, f"{joined}-coauthors", evidence)
        return self._apart(u, block, "ambiguous", fits)

    def _fits(self, u: int, form: NameForm, g: int, east_asian_rule: bool = True) -> bool:
        group = self.groups[g]
        return (
            group.open
            and all(compatible(form, other, east_asian_rule) for other in group.forms[form.family])
            and group.papers.isdisjoint(self.units[u].papers)
        )

    def _join(self, u: int, g: int, block: _Block, rule: str, evidence: str) -> Decision:
        group = self.groups[g]
        group.units.append(u)
        group.papers |= self.units[u].papers
        group.forms[block.family].extend(self.units[u].forms)
        block.add(g, self.units[u].forms)
        return Decision(g, rule, evidence)

    def _start(self, u: int, block: _Block) -> Decision:
        g = self._new_group(u)
        block.add(g, self.units[u].forms)
        return Decision(g)

    def _apart(self, u: int, block: _Block, why: str, others: list[int]) -> Decision:
        g = self._new_group(u, open_=False)
        return Decision(g, "separate", f"{why}: {_listing(sorted(self.groups[o].label for o in others))}")


class _Block:
    """The groups met so far in one family, indexed for candidate lookup."""

    def __init__(self, family: str) -> None:
        self.family = family
        # dicts as ordered sets of group numbers
        self.exact: dict[str, dict[int, None]] = defaultdict(dict)
        self.by_key: dict[str, dict[int, None]] = defaultdict(dict)
        self.by_initial: dict[str, dict[int, None]] = defaultdict(dict)

    def add(self, g: int, forms: Iterable[NameForm], exact: bool = False) -> None:
        for form in forms:
            if form.family != self.family:
                continue
            if exact:
                self.exact[form.key][g] = None
            for key in form.index_keys():
                self.by_key[key][g] = None
            for letter in form.initials():
                self.by_initial[letter][g] = None

    def candidates(self, form: NameForm) -> list[int]:
        """Groups that may be compatible: for initials, every group whose
        first initial fits; else those sharing a first-name index key."""
        if form.initials_only:
            return list(self.by_initial.get(form.block[1], {}))
        found: dict[int, None] = {}
        for key in sorted(form.index_keys()):
            found.update(self.by_key.get(key, {}))
        return list(found)


def _order(unit: Unit) -> tuple[object, ...]:
    form = unit.forms[0]
    return tuple(-s for s in form.specificity), -unit.count, form.key


def _listing(names: list[str]) -> str:
    shown = "; ".join(names[:EVIDENCE_NAMES])
    return shown + ("; ..." if len(names) > EVIDENCE_NAMES else "")
