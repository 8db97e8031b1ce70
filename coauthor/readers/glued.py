"""Splitting the author cells of SpringerLink CSV exports, which write the
names of a paper one after the other with nothing between them
(``Araz R. AlievNigar T. Ismayilova``, ``Leila HAMDADKarima BENATCHBA``,
``Bo Yang 杨博Kai Lu 卢凯``).

Names are whitespace tokens; a boundary between two names lies inside a
token, where the end of one name is glued to the start of the next:

* ``camel``: a letter that is not a capital (lower case, or a CJK
  character) followed by a capital (``AlievNigar``, ``杨博Kai``);
* ``dot``: a dot followed by a capitalised word (``N.Debnath``, not the
  initials ``J.L.``);
* ``caps``: a family name in capitals glued to a capitalised given name
  (``HAMDADKarima``, ``UMan`` as in ``Leong Hou U``/``Man Lung Yiu``);
* ``initial``: a family name in capitals glued to a one-letter initial
  (``SENTHILNATHS`` in ``J SENTHILNATHS SINDHUS N OMKAR``).

A token holds at most one boundary; a title (``Prof.``, ``Dr.``) starts a
name and is dropped from it. Name parts may be CamelCase themselves
(``DeHao``, ``WenGuang``, ``DeFrancisco``, ``McIntosh-Smith``), so a token
is not always split where it could be. The split of a cell is the one that
leaves fewest one-part names, then scores best: every boundary taken counts
:data:`SPLIT`, each piece counts its shape (a plain capitalised word, or a
particle glued to a long word as in ``DeFrancisco``, ends a name; a plain
word or CamelCase syllables such as ``WenGuang`` start one; a CamelCase
token kept whole must have one of these shapes) and the evidence of the
same file (:class:`GluedEvidence`: how often the left piece ends a name
and the right piece starts one where that is sure; it breaks ties of shape
and never outweighs one). A cell whose best split beats the next one by
less than :data:`MARGIN` is ``ambiguous`` (the reader warns). A one-word
name inside a token (``SeillerWilliemNitin``: Seiller, Williem, Nitin)
cannot come out: that token holds two boundaries.

>>> split_glued("Prof. Rafik A. AlievProf. Dr. Janusz KacprzykMo Jamshidi").names
('Rafik A. Aliev', 'Janusz Kacprzyk', 'Mo Jamshidi')
>>> split_glued("Leila HAMDADKarima BENATCHBA").names
('Leila HAMDAD', 'Karima BENATCHBA')
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from coauthor.names.parse import is_honorific

#: Score of each boundary taken (splitting is what a glued cell asks for).
SPLIT = 2.0
#: Cost of a piece that has not the shape of a name's end or start.
MISSHAPEN = 3.0
#: The best split is sure when it beats the next best by this much.
MARGIN = 1.0
#: A one-part name costs more than any score can win back.
ONE_PART = 1000.0

#: Particles that may be glued to a family name (``McIntosh``, ``O'Brien``).
_STRONG_PREFIXES = ("Mac", "Mc", "O'", "O’", "D'", "D’")
#: Words that are family names of their own too (``Du``, ``De``) but may be
#: glued to a long one (``DeFrancisco``).
_WEAK_PREFIXES = ("Abd", "Van", "Von", "Da", "De", "Di", "Du", "La", "Le", "St", "Al", "El")
#: Letters a particle glued to a family name leaves after it, at least
#: (``DeFrancisco``; ``DuZhang`` is two names).
_LONG_WORD = 7
#: One syllable of a romanised Chinese, Korean or Vietnamese given name, the
#: parts of a CamelCase one (``Wen``, ``Guang``, ``Hyuk``, ``Seong``, ``Thien``;
#: not ``Gorji`` or ``Francisco``): consonants, vowels, one final consonant.
_SYLLABLE = re.compile(r"[bcdfghj-np-tv-z]{0,3}[aeiouy]{1,3}(?:ng|[nmklpr])?", re.IGNORECASE)


def candidates(token: str) -> list[int]:
    """The positions in ``token`` where the next name may start.

    >>> candidates("ChenWenGuang"), candidates("HAMDADKarima"), candidates("SINDHUS"), candidates("J.L.")
    ([4, 7], [6], [6], [])
    """
    found = []
    for i in range(1, len(token)):
        before, here = token[i - 1], token[i]
        word_follows = i + 1 < len(token) and token[i + 1].islower()
        if not here.isupper():
            continue
        if before.isalpha() and not before.isupper():
            found.append(i)  # camel
        elif before == "." and word_follows:
            found.append(i)  # dot
        elif before.isupper() and word_follows and token[:i].isalpha() and token[:i].isupper():
            found.append(i)  # caps
        elif i == len(token) - 1 and len(token) >= 4 and token.isalpha() and token.isupper():
            found.append(i)  # initial
    return found


def _plain(word: str) -> bool:
    """A capitalised word, hyphenated parts too (``Jean-Luc``), an initial,
    a word in capitals (``HAMDAD``) or in a script without case (``杨博``)."""
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(_plain_part(p) for p in parts)


def _plain_part(part: str) -> bool:
    if part.isupper() or not any(c.isupper() or c.islower() for c in part):
        return True
    return part[0].isupper() and not any(c.isupper() for c in part[1:])


def _humps(word: str) -> list[str]:
    cuts = [0, *candidates(word), len(word)]
    return [word[a:b] for a, b in itertools.pairwise(cuts)]


def end_shape(piece: str) -> bool:
    """True when ``piece`` may end a name: a plain word, or a particle glued
    to a word (``McIntosh``; ``DeFrancisco``, not ``DuZhang``), not a
    particle alone (``Mc``).

    >>> end_shape("Chen"), end_shape("DeFrancisco"), end_shape("DuZhang"), end_shape("ChenWen"), end_shape("Mc")
    (True, True, False, False, False)
    """
    if piece in _STRONG_PREFIXES:
        return False
    if _plain(piece):
        return True
    for prefix in _STRONG_PREFIXES:
        if piece.startswith(prefix) and _plain(piece[len(prefix) :]):
            return True
    for prefix in _WEAK_PREFIXES:
        rest = piece[len(prefix) :]
        if piece.startswith(prefix) and _plain(rest) and len(rest.split("-")[0]) >= _LONG_WORD:
            return True
    return False


def start_shape(piece: str) -> bool:
    """True when ``piece`` may start a name: a plain word, a title, or
    CamelCase syllables (``WenGuang``, not ``FranciscoShenghsun`` or
    ``GorjiHosein``).

    >>> start_shape("WenGuang"), start_shape("GorjiHosein"), start_shape("Prof.")
    (True, False, True)
    """
    if _plain(piece) or is_honorific(piece):
        return True
    humps = _humps(piece)
    return len(humps) > 1 and all(_SYLLABLE.fullmatch(h) for h in humps)


@dataclass
class GluedEvidence:
    """Where the pieces of one file's cells sure to end or start a name
    stand: ``ends`` counts the last token of a cell, the token before a
    title and the left piece of a token with one candidate between two
    others; ``starts`` the first token, the token after a title and the
    right piece of such a token."""

    ends: Counter[str] = field(default_factory=Counter)
    starts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_cells(cls, cells: Iterable[str]) -> GluedEvidence:
        evidence = cls()
        for cell in cells:
            evidence.add(cell)
        return evidence

    def add(self, cell: str) -> None:
        """Count the sure ends and starts of one cell, each place once."""
        raw = cell.split()
        names = [k for k, token in enumerate(raw) if not is_honorific(token)]
        if not names:
            return
        # place -> piece: a whole token at its index, the right piece of a token at index + 0.5
        starts: dict[float, str] = {names[0]: raw[names[0]]}
        ends: dict[float, str] = {names[-1]: raw[names[-1]]}
        for k, token in enumerate(raw):
            if is_honorific(token):
                if k > 0 and not is_honorific(raw[k - 1]) and not candidates(raw[k - 1]):
                    ends[k - 1] = raw[k - 1]
                if k + 1 < len(raw) and not is_honorific(raw[k + 1]):
                    starts[k + 1] = raw[k + 1]
                continue
            cuts = candidates(token)
            if 0 < k < len(raw) - 1 and len(cuts) == 1:
                ends[k] = token[: cuts[0]]
                if not is_honorific(token[cuts[0] :]):
                    starts[k + 0.5] = token[cuts[0] :]
                elif not is_honorific(raw[k + 1]):
                    starts[k + 1] = raw[k + 1]
        self.starts.update(starts.values())
        self.ends.update(ends.values())

    def score(self, left: str, right: str) -> float:
        """The evidence that ``left`` ends a name and ``right`` starts one:
        ``n / (n + 1)`` for each piece seen ``n`` times where it stands, so
        that it breaks ties of shape but never outweighs a misshapen piece."""
        ends, starts = self.ends[left], self.starts[right]
        return ends / (ends + 1) + starts / (starts + 1)


@dataclass(frozen=True)
class GluedSplit:
    """The names of one cell (titles dropped, spacing as written) and
    whether another split came close (``ambiguous``)."""

    names: tuple[str, ...]
    ambiguous: bool = False


# A partial split: its score and the cuts taken so far, last first, as a
# linked list (cut, rest) of one cut per token (0: none).
_Cuts = tuple[int, "_Cuts"] | None
_Path = tuple[float, _Cuts]


def split_glued(cell: str, evidence: GluedEvidence | None = None) -> GluedSplit:
    """Split one glued author cell into its names. On equal scores the
    cut further right wins (a CamelCase word stays with the name before).

    >>> split_glued("DeHao ChenWenGuang ChenWeiMin Zheng").names
    ('DeHao Chen', 'WenGuang Chen', 'WeiMin Zheng')
    """
    evidence = evidence or GluedEvidence()
    tokens = cell.split()
    if not tokens:
        return GluedSplit(())
    # states: parts of the open name so far (0, 1, 2 = two or more) -> the two best paths
    states: dict[int, list[_Path]] = {0: [(0.0, None)]}
    for token in tokens:
        title = is_honorific(token)
        cuts_here = [] if title else candidates(token)
        whole_cost = MISSHAPEN if cuts_here and not (end_shape(token) or start_shape(token)) else 0.0
        following: dict[int, list[_Path]] = {}
        for parts, paths in states.items():
            for score, cuts in paths:
                for cut in reversed(cuts_here):
                    left, right = token[:cut], token[cut:]
                    if is_honorific(left):
                        continue
                    gain = SPLIT + evidence.score(left, right) - _close(parts + 1)
                    gain -= MISSHAPEN * ((not end_shape(left)) + (not start_shape(right)))
                    _keep(following, 0 if is_honorific(right) else 1, (score + gain, (cut, cuts)))
                if title:  # a title starts a name: the open one closes before it
                    _keep(following, 0, (score - (_close(parts) if parts else 0.0), (0, cuts)))
                else:  # kept whole: a CamelCase token must still look like a part of a name
                    _keep(following, min(parts + 1, 2), (score - whole_cost, (0, cuts)))
        states = following
    # a title at the end starts no name: it is dropped (parts 0 closes nothing)
    ends = [
        (score - (_close(parts) if parts else 0.0), cuts) for parts, paths in states.items() for score, cuts in paths
    ]
    ends = sorted((path for path in ends if path[0] > -math.inf), key=lambda path: path[0], reverse=True)
    best = ends[0]
    return GluedSplit(_names(cell, _unlink(best[1])), len(ends) > 1 and best[0] - ends[1][0] < MARGIN)


def _unlink(cuts: _Cuts) -> tuple[int, ...]:
    taken: list[int] = []
    while cuts is not None:
        taken.append(cuts[0])
        cuts = cuts[1]
    return tuple(reversed(taken))


def _close(parts: int) -> float:
    """The cost of ending a name of ``parts`` parts here."""
    return math.inf if parts == 0 else ONE_PART if parts == 1 else 0.0


def _keep(states: dict[int, list[_Path]], parts: int, path: _Path) -> None:
    if path[0] <= -math.inf:
        return
    paths = sorted([*states.get(parts, []), path], key=lambda p: p[0], reverse=True)
    states[parts] = paths[:2]


def _names(cell: str, cuts: tuple[int, ...]) -> tuple[str, ...]:
    """The names the chosen cuts make, titles left out, spacing kept."""
    names: list[str] = []
    begin: int | None = None  # where the open name starts in the cell
    end = 0
    for cut, match in zip(cuts, re.finditer(r"\S+", cell), strict=True):
        token, at = match.group(), match.start()
        if is_honorific(token):
            if begin is not None:
                names.append(cell[begin:end])
            begin = None
            continue
        begin = at if begin is None else begin
        end = match.end()
        if cut:
            names.append(cell[begin : at + cut])
            begin = None if is_honorific(token[cut:]) else at + cut
    if begin is not None:
        names.append(cell[begin:end])
    return tuple(names)
