"""Attribution: the ``attribution`` flag (see ``core.flags.detect``).

Attribution verbs by lemma over both whole sentences, in a reporting context for the
verbs that only sometimes attribute; or the speaker next to an unchanged verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from core.engine.tokens import compiled
from core.flags.claims import (
    CLAIM_WORDS,
    check_certainty,
    claim_lemmas,
    touched_claims,
    uncertainties,
)
from core.flags.han_sources import check_han_attribution
from core.flags.name_changes import initials
from core.flags.names import NOT_NAMES
from core.flags.pooled import (
    Context,
    Flag,
    Pooled,
    Word,
    either_merged,
    make_flag,
    neighbour,
)
from core.model import Span

# Attribution verbs by lemma. Speech verbs count everywhere; the others (``add``,
# ``note``, ``write`` ...) only in a reporting context (see ``_reporting``).
_SPEECH: dict[str, str] = {
    form: forms.split()[0]
    for forms in (
        "say says said saying saith sayeth sayest sayst spoke spake speaketh "
        "spakest tell tells told telling telleth bade answer answers answered answering "
        "answereth",
        "claim claims claimed claiming",
        "insist insists insisted insisting",
        "argue argues argued arguing",
        "allege alleges alleged alleging alegou alegaram alegó alegaron",
        "deny denies denied denying",
        "admit admits admitted admitting",
        "warn warns warned warning",
        "contend contends contended",
        "concede concedes conceded",
        # Other languages: their verbs of saying are one ("заявил" -> "сообщил" is
        # no change of attribution), their sources named by a preposition another
        # ("selon", "laut", "по данным": see ``_lemma``).
        "сказал сказала сказали заявил заявила заявили заявляет сообщил сообщила "
        "сообщили сообщает сообщают сказав заявив заявляє повідомив повідомила "
        "повідомили повідомляє déclaré déclare affirme affirmé sagte sagten erklärte "
        "erklärten dijo declaró afirmó disse afirmou declarou сказать сказати заявить "
        "заявити сообщить повідомити казал казала казали казав говорил говорила "
        "говорили говорив говорить podał podała podały powiedział powiedziała uppger "
        "uppgav sade zei verklaarde detto dichiarato informou informaram informó "
        "informaron relatou relataram noticiou riferito",
        # (a suggestion reports less than a statement: "powiedział" -> "zasugerował")
        "suggest zasugerował zasugerowała sugeriu sugirió suggerito",
        "according selon laut según segundo данным словам даними згідно secondo według "
        "enligt volgens angaben",
    )
    for form in forms.split()
}


_REPORTING: dict[str, str] = {
    form: forms.split()[0]
    for forms in (
        "add adds added adding",
        "stated stating",
        "assert asserts asserted asserting",
        "declare declares declared declaring",
        "report reports reported",
        "announce announces announced",
        "confirm confirms confirmed",
        "explain explains explained",
        "note notes noted",
        "suggest suggests suggested",
        "maintain maintains maintained",
        "reveal reveals revealed",
        "write writes wrote",
        "acknowledge acknowledges acknowledged",
        "estimate estimates estimated",
        "quote quotes quoted",
        "indicate indicates indicated",
        "believe believes believed",
        "find finds found",
    )
    for form in forms.split()
}


# "stated" attributes only where reporting (``as stated above`` does not), and then
# says what "said" says: "stated" -> "said" is no change of attribution.
_REPORTING.update(stated="say", stating="say")
# ... and so does "declared" ("he declared that his goals were" -> "he said his goals
# were": a structural reader, session 17).
_REPORTING.update(dict.fromkeys("declare declares declared declaring".split(), "say"))
# ... and "added", "noted" say what "said" says where they report ("Mr Abdulrahman
# added" -> "Mr Abdulrahman said"); "called it" is the same speaker's word ("said it
# was 'the worst disaster'" -> "called it 'the worst disaster'").
_REPORTING.update(dict.fromkeys("add adds added adding note notes noted".split(), "say"))
_CALLED = frozenset(("call", "calls", "called", "calling"))
_REPORTING.update(dict.fromkeys(_CALLED, "say"))
_ATTRIBUTIONS = {**_SPEECH, **_REPORTING}


_ATTRIBUTION_FORMS = (
    r"(?<![\w'\u2019\-])(?:"
    + "|".join(sorted(_ATTRIBUTIONS, key=len, reverse=True))
    + r")(?![\w'\u2019\-])"
)


@lru_cache(maxsize=1)
def _attribution_forms() -> re.Pattern[str]:
    """``_ATTRIBUTION_FORMS`` compiled when a check first needs it: 1.5 ms of every
    start otherwise, and a comparison whose changes touch no speech never does."""
    return re.compile(_ATTRIBUTION_FORMS, re.IGNORECASE)


# "that is to say", "so to speak", "needless to say": no one speaks.
_IDIOM_BEFORE = frozenset({"to", "needless"})


_SPEAKERS = frozenset(
    "police officials sources witnesses reports report experts analysts residents "
    "activists authorities investigators prosecutors doctors scientists researchers "
    "officers spokesman spokeswoman spokesperson media observers source "
    # Titles that speak ("the mayor said" -> "the governor said": a structural reader,
    # session 17, saw it pass unflagged)
    "mayor governor president minister senator chairman chairwoman director chief "
    "commissioner ambassador judge coach premier chancellor secretary managers".split()
)


# Whom a thing is denied ("denied him the use of metal").
_OBJECTS = frozenset("him her them me us you it".split())


_QUOTE_CLOSE = "[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]"


def _lemma(word: Word, text: str, loose: bool = False) -> str | None:
    """The attribution verb ``word`` is a form of, when it attributes here (``loose``:
    wherever a verb of attribution stands, context aside)."""
    folded = word.text.casefold().replace("\u2019", "'")
    lemma = _ATTRIBUTIONS.get(folded)
    if lemma is None:
        return None
    before, after = neighbour(text, word.start, -1), neighbour(text, word.end, 1)
    if lemma == "write" and after == "to":
        return None  # "write to the Free Software Foundation"
    if lemma == "say" and re.match(r"\s+to\s+(?:be|have)\b", text[word.end : word.end + 12]):
        return None  # "said to have been": a hedge, no one speaks
    if lemma == "say" and before in _IDIOM_BEFORE:
        return None  # "that is to say", "needless to say"
    if lemma == "according":
        return lemma if _source_named(folded, before, after, text, word.end) else None
    if folded == "note" and before in ("", "please", "also") and after in ("", "that", "also"):
        return None  # "Note that the tests require ...": the reader is told, no one speaks
    if lemma == "warn" and before in ("be", "been", "are"):
        return None  # "be warned that its internals ...": the reader is warned
    if lemma == "allege" and before in ("the", "an", "a", "his", "her", "their", "its"):
        return None  # "the alleged stabbing": an adjective
    if folded in _CALLED:
        # only as the words of the speaker the other version has say: "called it
        # 'the worst disaster'" ("the day is called 'Wikipedia Day'" names it)
        return lemma if loose and compiled(_CALLED_IT).match(text, word.end) else None
    if lemma == "deny" and after in _OBJECTS:
        return None  # "denied him the use of metal": refused, no one denies a claim
    if folded in ("claim", "claims") and after[:1].isdecimal():
        return None  # "claim 2 of the patent" ("claimed 10 people died" says)
    if lemma == "find":
        # "a separate survey found"; not "the body was found", "found the keys"
        return lemma if _finding(text, word, before) else None
    if lemma == "claim" and compiled(_PRIZE).match(text, word.end):
        return None  # "to claim his 18th career title": won, not said
    if folded == "claims" and before in _CLAIM_NOUN_BEFORE:
        return None  # "intellectual property claims", "patent claims": a noun
    if loose:
        return lemma
    if folded in _REPORTING and not _reporting(text, word):
        return None
    return lemma


# A source named by a preposition: the word that must stand before it, or after it.
_SOURCE_BEFORE = {"данным": "по", "словам": "по", "даними": "за", "angaben": "nach"}
_SOURCE_AFTER = {"segundo": ("a", "o", "os", "as"), "згідно": ("з", "із", "зі")}


_CALLED_IT = r"(?i)\s+(?:it|him|her|them|this|that)\s+[\"'\u201c\u2018]"


# What "claim" wins rather than says, within three words ("claimed the seat",
# "claim his 18th career title", "claimed gold").
_PRIZE = (
    r"(?i)(?:\s+[\w'\u2019-]+){0,3}?\s+(?:title|titles|victory|win|seat|seats|gold|silver|"
    r"bronze|medal|medals|prize|crown|trophy|championship|cup|pole|lead|record|lives|life|"
    r"majority|stage|place|spot)\b"
)


# Words before "claims" that make it a noun (a right claimed), not a verb of saying.
_CLAIM_NOUN_BEFORE = frozenset(
    "property patent insurance legal land territorial compensation damage damages "
    "any such these those their its all third-party injury".split()
)


def _source_named(folded: str, before: str, after: str, text: str, end: int) -> bool:
    """Whether ``according`` (or a preposition of another language that names a
    source: ``selon``, ``laut``, ``según``, ``по данным``, ``згідно з``) names one here
    (``segundo lugar`` is "second place")."""
    if folded == "according":
        return after == "to" and _speaker_follows(text, end)
    if folded in _SOURCE_BEFORE:
        return before == _SOURCE_BEFORE[folded]
    if folded in _SOURCE_AFTER:
        return after in _SOURCE_AFTER[folded]
    return bool(after)


def _speaker_follows(text: str, pos: int) -> bool:
    """``according to`` names a source: a capitalised word or a speaker noun among
    its first four words (``according to the utility tracking site PowerOutage.us``,
    ``according to two people familiar with the matter``; not ``according to plan``)."""
    m = re.match(r"\s+to\s+([^,;:!?()\n]+)", text[pos : pos + 90])
    if m is None:
        return False
    words = re.split(r"(?<=\w)\.\s", m.group(1), maxsplit=1)[0].split()[:4]  # (to a stop)
    return any(w[0].isupper() for w in words) or any(
        w.casefold().strip(".") in _SOURCES for w in words
    )


# What "according to" names as a source besides a name.
_SOURCES = _SPEAKERS | frozenset(
    "people person site website data figures statement statements study survey "
    "estimates documents records newspaper broadcaster agency ministry government "
    "company tally count census poll polls filing filings official spokesperson "
    "diplomat diplomats aide aides lawyer lawyers".split()
)


# What finds and reports its finding ("a separate survey found", "the study finds").
_FINDERS = frozenset(
    "survey surveys study studies poll polls report reports review analysis audit "
    "investigation inquiry research researchers census".split()
)


def _finding(text: str, word: Word, before: str) -> bool:
    """``found`` reports what a survey, a study or the like found: one of them among
    the four words before it ("a separate survey found", "a study by the university
    found that"; not "returning late to find that his wife had locked him out")."""
    if before in _FINDERS:
        return True
    words = re.findall(r"[\w'\u2019-]+", text[max(0, word.start - 48) : word.start])[-4:]
    return any(w.casefold() in _FINDERS for w in words)


def _reporting(text: str, word: Word) -> bool:
    """A verb that only sometimes attributes does here: ``added that``, ``, he added.``,
    ``he noted:`` or a quotation mark next to it."""
    after = text[word.end : word.end + 12]
    before = text[max(0, word.start - 24) : word.start]
    if re.match(r"\s*(?::|that\b)", after) or compiled(_QUOTE_CLOSE).search(after[:3]):
        return True
    if neighbour(text, word.start, -1) in _SPEAKERS:
        return True  # "Media reports indicated", "Officials believe"
    return bool(re.match(r"\s*[.,]", after)) and bool(
        re.search(r"[,\"\u201d\u2019']\s*(?:\w+\s+){1,2}$", before)
    )


def check_attribution(pool: Pooled, context: Context) -> Flag | None:
    """Attribution verbs by lemma over both whole sentences (``answered and said`` ->
    ``answered`` is one verb each), less the lemmas that stand in a piece of sentence
    next to it on the other side (sentences cut otherwise, ``_cut``); else a claim's
    hedge, or its uncertainty (``probably``, ``may``), cut or put in."""
    return either_merged(_attribution(pool, context), check_certainty(pool, context))


def _attribution(pool: Pooled, context: Context) -> Flag | None:
    if (found := check_han_attribution(pool, context)) is not None:
        return found
    forms = {w.text.casefold().replace("\u2019", "'") for w in (*pool.old_words, *pool.new_words)}
    claims = not CLAIM_WORDS.isdisjoint(forms)  # a word of a claim's hedge changed
    if _ATTRIBUTIONS.keys().isdisjoint(forms):
        return _check_speaker(pool, context) or _check_claim(pool, context, claims)
    old_all = attribution_lemmas(context.old, (pool.old_span,))
    new_all = attribution_lemmas(context.new, (pool.new_span,))
    if old_all == new_all:
        return _check_speaker(pool, context) or _check_claim(pool, context, claims)
    # A verb that attributes on one side stands on the other, perhaps without its "that",
    # or as a claim's hedge ("reportedly" -> "the BBC reported").
    old_loose = attribution_lemmas(context.old, (pool.old_span,), loose=True)
    new_loose = attribution_lemmas(context.new, (pool.new_span,), loose=True)
    old_loose |= claim_lemmas(context.old, (pool.old_span,))
    new_loose |= claim_lemmas(context.new, (pool.new_span,))
    # (or in the rest of a sentence split in two here: "His lawyer said ... and would
    # not appeal." -> "His lawyer said ... . He said his client would appeal.")
    gone = old_all - new_loose - attribution_lemmas(context.new, (*pool.new_near, *pool.new_rest))
    came = new_all - old_loose - attribution_lemmas(context.old, (*pool.old_near, *pool.old_rest))
    old = [w for w in pool.old_words if _lemma(w, context.old) in gone]
    new = [w for w in pool.new_words if _lemma(w, context.new) in came]
    if not old and not new:  # (the verb stands in a clause cut next to it)
        return _check_whose(pool, context) or _check_claim(pool, context, claims)
    # Explained by the verbs on both sides of the changes that hold them ("said" -> "claimed"),
    # less, in a change that puts no verb in the place of one, those the other sentence
    # has too ("according to ..., who said" -> "and ..., according to ...": "according"
    # moved, "said" went).
    touched = {w.change for w in (*old, *new)}
    old_verbs = [w for w in pool.old_words if w.change in touched and _lemma(w, context.old, True)]
    new_verbs = [w for w in pool.new_words if w.change in touched and _lemma(w, context.new, True)]
    swapped = {w.change for w in old_verbs} & {w.change for w in new_verbs}
    return make_flag(
        "attribution",
        pool,
        _shown(old_verbs, swapped, context.old, new_loose),
        _shown(new_verbs, swapped, context.new, old_loose),
    )


def _shown(verbs: list[Word], swapped: set[int], text: str, other: set[str]) -> list[Word]:
    """``verbs`` less those of a change not in ``swapped`` whose lemma is among
    ``other`` (the other sentence's)."""
    return [w for w in verbs if w.change in swapped or _lemma(w, text, True) not in other]


def _check_claim(pool: Pooled, context: Context, changed: bool) -> Flag | None:
    """A claim's hedge (``core.flags.claims``) cut or added, where the other side's
    sentence (and what it cut or added next to it) hedges or attributes nothing;
    ``changed``: a word of a hedge is among the changed words (else none is, in most
    blocks)."""
    if not changed:
        return None
    old = touched_claims(pool, context.old, True)
    new = touched_claims(pool, context.new, False)
    if bool(old) == bool(new):
        return None  # hedged on both sides, or these changes touch no hedge
    text, spans = (
        (context.new, (pool.new_span, *pool.new_near))
        if old
        else (context.old, (pool.old_span, *pool.old_near))
    )
    if claim_lemmas(text, spans) or attribution_lemmas(text, spans, loose=True):
        return None  # still a claim, or attributed ("the BBC reported")
    own_text, own_span = (context.old, pool.old_span) if old else (context.new, pool.new_span)
    if uncertainties(text, spans) - uncertainties(own_text, (own_span,)):
        # "it may be", "unconfirmed" in the hedge's place: no fact stated ("could" in both,
        # "could reportedly be" -> "could be", is no doubt put in for the source cut)
        return None
    return make_flag("attribution", pool, old, new)


def attribution_lemmas(text: str, spans: tuple[Span, ...], loose: bool = False) -> set[str]:
    """The attribution verbs of ``spans`` (only the words spelled like one are looked at)."""
    return {
        lemma
        for start, end in spans
        for m in _attribution_words(text, start, end)
        if (lemma := _lemma(Word(m.group(), m.start(), m.end(), 0), text, loose))
    }


# A run of the characters ``_ATTRIBUTION_FORMS`` stands between (a whole word for it).
_RUN = r"[\w'\u2019\-]+"


def _attribution_words(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_ATTRIBUTION_FORMS`` from ``start`` to ``end`` whose folded form
    is a verb's (the only ones ``_lemma`` reads): the runs of word characters there
    that are one, each matched whole by the pattern. (Searched for along the text,
    the pattern's 200 verbs were tried at every character.)"""
    forms = _attribution_forms()
    for run in compiled(_RUN).finditer(text, start, end):
        verb = run.group().casefold() in _ATTRIBUTIONS
        if verb and (found := forms.fullmatch(text, run.start(), run.end())) is not None:
            yield found


def _check_speaker(pool: Pooled, context: Context) -> Flag | None:
    """The speaker next to a verb of the same sentence changed (``_check_next_speaker``),
    or the one sentence's speaker is another, wherever the verb stands
    (``_check_whose``)."""
    return _check_next_speaker(pool, context) or _check_whose(pool, context)


def _check_whose(pool: Pooled, context: Context) -> Flag | None:
    """One speaker named beside a verb of speech in each side's whole sentence, each
    missing from the other's: the statement is put in another's mouth ("Stander said
    that ... corruption had increased" -> "Corruption had increased ..., Tolashe
    said", the cut clause a block of its own)."""
    changed = (*pool.old_words, *pool.new_words)
    if _SPEECH.keys().isdisjoint(w.text.casefold() for w in changed):
        return None  # (no verb of speech cut, put in or moved: most blocks)
    if not any(w.text[:1].isupper() for w in changed):
        return None  # (nor a capital)
    found = []
    sentences = []
    for text, span in ((context.old, pool.old_span), (context.new, pool.new_span)):
        sentence = _sentence_of(text, span)
        speakers = _speakers(text, sentence)
        if len(speakers) != 1:
            return None
        found.append(next(iter(speakers.values())))
        sentences.append(text[sentence[0] : sentence[1]])
    old, new = found
    if _named_in(old.text, sentences[1]) or _named_in(new.text, sentences[0]):
        return None  # (the same speaker named, or both named on each side)
    if _spelled_out(context.old, old, new.text) or _spelled_out(context.new, new, old.text):
        return None  # "The European Union said" -> "The EU said": the same speaker
    index = pool.change_at((old.start, old.end), True)
    if index is None:
        index = pool.change_at((new.start, new.end), False) or 0
    return make_flag(
        "attribution",
        pool,
        [Word(old.text, old.start, old.end, index)],
        [Word(new.text, new.start, new.end, index)],
    )


def _sentence_of(text: str, span: Span) -> Span:
    """The whole sentence ``span`` ends in, back to the stop before it (at most
    ``SENTENCE_REACH`` characters back): a clause cut from its start is a block of its
    own."""
    lo = max(0, span[0] - SENTENCE_REACH)
    stop = max(text.rfind(". ", lo, span[0]), text.rfind("\n", lo, span[0]))
    return (stop + 1 if stop >= 0 else lo, span[1])


SENTENCE_REACH = 400


def _named_in(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _speakers(text: str, span: Span) -> dict[str, Word]:
    """The names that stand right before or after a verb of speech in ``span``, by
    their folded text (``Stander said``, ``, Tolashe said``, ``said Smith``)."""
    out: dict[str, Word] = {}
    for m in _attribution_words(text, *span):
        verb = Word(m.group(), m.start(), m.end(), 0)
        if m.group().casefold() not in _SPEECH or not _lemma(verb, text, True):
            continue
        before = compiled(_NAME_BEFORE).search(text, max(span[0], m.start() - 40), m.start())
        after = compiled(_NAME_AFTER).match(text, m.end(), min(span[1], m.end() + 40))
        for found in (before, after):
            if found is None:
                continue
            name = found.group(1)
            if name.casefold() in _PRONOUNS or name.casefold() in NOT_NAMES:
                continue
            out[name.casefold()] = Word(name, found.start(1), found.end(1), 0)
    return out


_NAME_BEFORE = r"([A-Z][\w'\u2019-]+) $"
_NAME_AFTER = r" ([A-Z][\w'\u2019-]+)"


def _check_next_speaker(pool: Pooled, context: Context) -> Flag | None:
    """The verb stayed, the speaker next to it changed: ``Smith said`` -> ``Jones said``.

    The speaker is a name or a speaker noun right next to an unchanged attribution
    verb (a space between them, no comma); its change must be short on the other side
    (at most ``MAX_SPEAKER_WORDS``), not a rewrite of the sentence."""
    for side, (words, text, other) in enumerate(
        (
            (pool.old_words, context.old, pool.new_words),
            (pool.new_words, context.new, pool.old_words),
        )
    ):
        changed: set[int] | None = None  # the starts of the changed words, when needed
        for word in words:
            if word.text.casefold() not in _SPEAKERS and not (
                word.text[0].isupper()
                and (context.names[side].is_name(word.text) or _opens_sentence(text, word))
            ):
                continue
            if changed is None:
                changed = {w.start for w in words}
            if not _next_to_verb(text, word, changed):
                continue
            theirs = [  # (its verb aside, when it agrees with the speaker)
                w for w in other if w.change == word.change and w.text.casefold() not in _SPEECH
            ]
            if not theirs or len(theirs) > MAX_SPEAKER_WORDS:
                continue
            if all(
                w.text.casefold() in _PRONOUNS or w.text.casefold() in NOT_NAMES for w in theirs
            ):
                continue  # "He said" -> "Biden said": the speaker named, not another
            if word.text.casefold() in {w.text.casefold() for w in theirs}:
                continue
            if _spelled_out(text, word, "".join(w.text for w in theirs)) or (
                word.text.replace(".", "") == initials([w.text for w in theirs])
            ):
                continue  # "The United Nations said" -> "The U.N. said": the same speaker
            mine = [word]
            old_side, new_side = (mine, theirs) if words is pool.old_words else (theirs, mine)
            return make_flag("attribution", pool, old_side, new_side)
    return None


MAX_SPEAKER_WORDS = 3


def _spelled_out(text: str, word: Word, letters: str) -> bool:
    """Whether capitalised words ending at ``word`` spell out the acronym ``letters``
    (``United Nations`` for ``UN``, ``Federal Bureau of Investigation`` for ``FBI``)."""
    if not 2 <= len(letters) <= 6 or not letters.isalpha() or not letters.isupper():
        return False
    run = [word.text]
    for part in reversed(text[max(0, word.start - 80) : word.start].split()):
        if not part[:1].isupper() and part.casefold() not in ("of", "for", "and", "the", "de"):
            break
        run.insert(0, part)
        if initials(run) == letters:
            return True
    return initials(run) == letters


_PRONOUNS = frozenset("he she they we i it who".split())


def _opens_sentence(text: str, word: Word) -> bool:
    """Whether ``word`` opens its sentence or follows a closed quotation, and is no
    function word (``The``, ``He``): a name there is capitalised as every first word
    is, and ``core.flags.names`` does not know it unless it also stands in mid-sentence
    (``Biden said ...``, ``"...," Abdulrahman said``)."""
    if word.text.casefold() in NOT_NAMES:
        return False
    before = text[max(0, word.start - 3) : word.start]
    if compiled(_AFTER_QUOTE).search(before):
        return True  # '"The toll will rise," Abdulrahman said.'
    before = before.rstrip(" \"'\u201c\u2018\u00ab(")
    return not before or before[-1] in ".!?\n:"


# A quotation closed, then the speaker: '..., ' Abdulrahman said', '...?" Smith asked'.
_AFTER_QUOTE = "[,.!?\u2026][\"'\u201d\u2019\u00bb] ?$"


_VERB_AFTER = re.compile(r" (\w+)")


_VERB_BEFORE = re.compile(r"(\w+) $")


def _next_to_verb(text: str, word: Word, changed: set[int]) -> bool:
    """An unchanged attribution verb stands right before or after ``word``; or one
    changed that agrees with its speaker, as a Slavic verb does (``Песков заявил`` ->
    ``Захарова заявила``, ``powiedział`` -> ``powiedziała``)."""
    after = _VERB_AFTER.match(text, word.end)
    if after and _speaks(after.group(1), after.start(1) in changed):
        return True
    before = _VERB_BEFORE.search(text, max(0, word.start - 20), word.start)
    if before is None:
        return False
    return _speaks(before.group(1), before.start(1) in changed)


def _speaks(verb: str, changed: bool) -> bool:
    """Whether ``verb`` is one of speech that tells its speaker: unchanged, or changed
    in an inflected language, whose verbs agree with the speaker."""
    return verb.casefold() in _SPEECH and (not changed or not verb.isascii())
