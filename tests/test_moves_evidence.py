"""A move is claimed on shared words, not on shared punctuation or one common phrase.

Real cases: the GPL's heading "TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND
MODIFICATION" (version 2) became "TERMS AND CONDITIONS" (version 3), and version 3
says "Propagation includes copying, distribution (with or without modification)"
further on: two words in common are no move. A Wikipedia infobox's "6.7% (1999 est.)"
against "0.4% (2001)" shares its brackets and a per cent sign, no word.
"""

from __future__ import annotations

from core.engine.compare import compare
from core.text.document import document_from_text


def _moves(old: str, new: str) -> list[tuple[str, str]]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [
        (old[b.old[0] : b.old[1]], new[b.new[0] : b.new[1]])
        for b in result.blocks
        if b.kind == "moved"
    ]


# The GPL, version 2 against version 3, cut to what it takes ("Everyone is permitted to
# copy and distribute verbatim copies of this license document").
GPL_2 = """\
  The precise terms and conditions for copying, distribution and
modification follow.

                    GNU GENERAL PUBLIC LICENSE
   TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION

  0. This License applies to any program or other work which contains
a notice placed by the copyright holder saying it may be distributed
under the terms of this General Public License.  The "Program", below,
refers to any such program or work, and a "work based on the Program"
means either the Program or any derivative work under copyright law:
that is to say, a work containing the Program or a portion of it,
either verbatim or with modifications and/or translated into another
language.  (Hereinafter, translation is included without limitation in
the term "modification".)  Each licensee is addressed as "you".

Activities other than copying, distribution and modification are not
covered by this License; they are outside its scope.  The act of
running the Program is not restricted, and the output from the Program
is covered only if its contents constitute a work based on the
Program (independent of having been made by running the Program).
Whether that is true depends on what the Program does.
"""
GPL_3 = """\
  The precise terms and conditions for copying, distribution and
modification follow.

                       TERMS AND CONDITIONS

  To "propagate" a work means to do anything with it that, without
permission, would make you directly or secondarily liable for
infringement under applicable copyright law, except executing it on a
computer or modifying a private copy.  Propagation includes copying,
distribution (with or without modification), making available to the
public, and in some countries other activities as well.

  The "Corresponding Source" for a work in object code form means all
the source code needed to generate, install, and (for an executable
work) run the object code and to modify the work, including scripts to
control those activities.  However, it does not include the work's
System Libraries, or general-purpose tools or generally available free
programs which are used unmodified in performing those activities but
which are not part of the work.  For example, Corresponding Source
includes interface definition files associated with source files for
the work, and the source code for shared libraries and dynamically
linked subprograms that the work is specifically designed to require,
such as by intimate data communication or control flow between those
subprograms and other parts of the work.
"""


def test_two_common_words_make_no_move() -> None:
    assert _moves(GPL_2, GPL_3) == []


def test_shared_punctuation_alone_makes_no_move() -> None:
    # From the corpus' Economy of India (wiki-versions): the figures share "%", "(" and
    # ")", no word; they were claimed as a move.
    old = "6.7% (1999 est.)"
    new = (
        "textiles, chemicals, food processing, steel, transportation equipment, cement, "
        "mining, petroleum, machinery\n0.4% (2001)\n1 april - 31 march"
    )
    assert _moves(old, new) == []


def test_a_short_sentence_moved_and_edited_is_still_a_move() -> None:
    old = (
        "The council approved the budget on Monday. The mayor declined to comment. "
        "Spending on roads rises by a tenth. Schools get a new gym in Brook Street."
    )
    new = (
        "The council approved the budget on Monday. Spending on roads rises by a tenth. "
        "Schools get a new gym in Brook Street. The mayor refused to comment."
    )
    assert _moves(old, new) == [("The mayor declined to comment.", "The mayor refused to comment.")]
