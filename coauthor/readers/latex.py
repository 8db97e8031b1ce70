"""LaTeX to Unicode for bibliographic text (names, titles, abstracts).

pylatexenc does the work; this module adds what ``.bib`` files need on top
of its defaults: TeX logos (``\\TeX``, ``\\LaTeX``, ``\\MF``) and the
macros of Beebe's bibliographies, a bare ``%`` kept as a percent sign (it is
not a comment inside a BibTeX value), and whitespace collapsed. Text without
LaTeX markup skips pylatexenc altogether (most names).

>>> latex_to_text(r"D{\\'\\i}az and Fran\\c{c}ois M{\\"u}ller on {\\TeX}~3")
'Díaz and François Müller on TeX 3'
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from pylatexenc import latex2text, latexwalker, macrospec

# tolerant parsing logs each oddity it recovers from; keep that off stderr.
logging.getLogger("pylatexenc").addHandler(logging.NullHandler())

_MARKUP = re.compile(r"[\\{}$~%]|--|``|''")
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)")
#: Spacing commands with a dimension (``\kern-.05em``): the dimension is no text.
_DIMENSION = re.compile(
    r"\\(?:kern|raise|lower|hskip|vskip|hspace\*?)\s*\{?\s*-?[\d.]+\s*(?:em|ex|pt|mm|cm|in|bp|pc|sp|mu)\}?"
)
#: Soft hyphens (``\-``) and accents left on nothing (``\'{}``).
_INVISIBLE = re.compile(r"\u00ad|(?:^|(?<=\s))[\u0300-\u036f]+")

#: Logos and macros (TUGboat's ``tugboat.def`` among them) whose text is not
#: their name. Other unknown macros spelled with a capital are taken to be
#: logos and print their name (``\\ConTeXt``); lower-case ones are dropped
#: (font switches, wrappers such as ``\\acro{TUG}`` whose argument stays).
LOGOS = {
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2e",
    "AllTeX": "(La)TeX",
    "BibTeX": "BibTeX",
    "MF": "METAFONT",
    "slMF": "METAFONT",
    "MP": "METAPOST",
    "TUB": "TUGboat",
    "tubissue": "TUGboat",
    "PS": "PostScript",
    "POSTSCRIPT": "PostScript",
    "AmS": "AMS",
    "AmSTeX": "AMS-TeX",
    "AMSTeX": "AMS-TeX",
    "AMSTEX": "AMS-TeX",
    "AmSLaTeX": "AMS-LaTeX",
    "AMSLaTeX": "AMS-LaTeX",
    "Dash": "—",
    "emdash": "—",
    "slash": "/",
    "SMC": "",
    "Thanh": "Hàn Thế Thành",
    "tug": "TUG",
    "uktug": "UK TUG",
}


def _ordinal(node: latexwalker.LatexMacroNode, l2tobj: latex2text.LatexNodes2Text) -> str:
    """``\\nth{21}`` -> ``21st``."""
    args = node.nodeargd.argnlist if node.nodeargd else []
    number = "".join(l2tobj.node_to_text(arg) for arg in args if arg is not None).strip()
    tens, units = (int(number) // 10) % 10 if number.isdigit() else 0, number[-1:]
    suffix = {"1": "st", "2": "nd", "3": "rd"}.get(units, "th") if tens != 1 else "th"
    return number + suffix


def _unknown_macro(node: latexwalker.LatexMacroNode, macroname: str) -> str:
    return macroname if any(c.isupper() for c in macroname) else ""


@lru_cache(maxsize=1)
def _contexts() -> tuple[macrospec.LatexContextDb, latex2text.LatexNodes2Text]:
    """The parser context (macros taking an argument) and the converter."""
    parse_db = latexwalker.get_default_latex_context_db()
    parse_db.add_context_category(
        "coauthor-bib",
        prepend=True,
        macros=[macrospec.MacroSpec("noopsort", "{"), macrospec.MacroSpec("nth", "{")],
    )
    text_db = latex2text.get_default_latex_context_db()
    specs = [latex2text.MacroTextSpec(name, simplify_repl=text) for name, text in LOGOS.items()]
    specs += [
        latex2text.MacroTextSpec("noopsort", discard=True),
        latex2text.MacroTextSpec("nth", simplify_repl=_ordinal),
    ]
    text_db.add_context_category("coauthor-bib", prepend=True, macros=specs)
    text_db.set_unknown_macro_spec(latex2text.MacroTextSpec("", simplify_repl=_unknown_macro))
    return parse_db, latex2text.LatexNodes2Text(latex_context=text_db)


def latex_to_text(text: str) -> str:
    """Unicode text of a LaTeX fragment, braces gone, whitespace collapsed.

    >>> latex_to_text(r"{TUG Working Group on a {\\TeX} Directory   Structure}")
    'TUG Working Group on a TeX Directory Structure'
    """
    if not _MARKUP.search(text):
        return " ".join(text.split())
    parse_db, converter = _contexts()
    source = _DIMENSION.sub("", _BARE_PERCENT.sub(r"\\%", text))
    try:
        walker = latexwalker.LatexWalker(source, latex_context=parse_db, tolerant_parsing=True)
        plain = converter.nodelist_to_text(walker.get_latex_nodes()[0])
    except Exception:  # pylatexenc on input it cannot parse (or nested too deep): strip the markup
        plain = _COMMAND.sub("", text).replace("{", "").replace("}", "").replace("~", " ")
    return " ".join(_INVISIBLE.sub("", plain).split())
