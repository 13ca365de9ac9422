"""British and American spellings of one word, as the quote check compares them.

A UK desk running US wire copy puts its quotations into house spelling ("organized
labor" -> "organised labour"): the quoted words did not change. ``one_spelling``
maps both spellings of the common patterns to one form (-our/-or, -ise/-ize, -yse/-yze,
-tre/-ter, -ogue/-og, -ence/-ense, a doubled l before an ending). It is a key for
comparing, not a spelling: two words of the same key are taken for one word.
"""

from __future__ import annotations

import re

_OUR = re.compile(r"(?<=\w\w)our(?=(?:s|ed|ing|ful|ite|ites|able|ably|less|er|ers)?$)")
_NOT_OUR = frozenset(
    "four fours your yours hour hours tour tours pour pours flour sour dour".split()
)
_ISE = re.compile(r"(?<=\w\w\w)is(?=(?:e|ed|es|ing|ation|ations|er|ers)$)")
_YSE = re.compile(r"(?<=\w\w)ys(?=(?:e|ed|es|ing)$)")
_TRE = re.compile(r"(?<=\w\w)tre(?=[sd]?$)")
_OGUE = re.compile(r"(?<=\w\w\w)ogue(?=s?$)")
_ENCE = re.compile(r"^(def|off|lic|pret)ence(?=s?$)")
_LL = re.compile(r"(?<=\w\w\w[aeiou])ll(?=(?:ed|ing|er|ers|ation)$)")
_PROGRAMME = re.compile(r"^programme(?=s?$)")


def one_spelling(word: str) -> str:
    """``word`` (lower case) with its British or American spelling made one form:
    ``labour`` and ``labor`` -> ``labor``, ``organised`` and ``organized`` ->
    ``organized``, ``centre`` and ``center`` -> ``center``, ``travelled`` and
    ``traveled`` -> ``traveled``."""
    if len(word) < 5 or not word.isascii() or not word.isalpha():
        return word
    if word not in _NOT_OUR:
        word = _OUR.sub("or", word)
    word = _ISE.sub("iz", word)
    word = _YSE.sub("yz", word)
    word = _TRE.sub("ter", word)
    word = _OGUE.sub("og", word)
    word = _ENCE.sub(r"\1ense", word)
    word = _PROGRAMME.sub("program", word)
    if len(word) >= 8:
        word = _LL.sub("l", word)
    return word
