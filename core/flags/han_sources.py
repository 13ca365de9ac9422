"""Attribution in text without spaces: who says so, in Chinese and Japanese.

The words of attribution are looked for in both whole sentences of a block, by what
they say: ``说``, ``表示``, ``称``, ``指出`` ... (says), ``声称``, ``宣称`` (claims), ``据``,
``显示`` (according to: ``据报道``, ``据新华社报道``, ``调查显示``; ``根据`` before the
data or report it names), ``によると``, ``述べ``. A
word that a change touches, of a kind the other sentence has none of, is flagged:
``[-据报道，-]`` cut (a report now stated as fact), ``表示`` -> ``声称``, ``警方称`` added;
``据调查显示`` -> ``调查显示`` still attributes. Characters that only look like one are
none: ``名称`` (a name), ``小说`` (a novel), ``说明`` (explains), ``对…来说`` (as for),
``数据`` (data).
"""

from __future__ import annotations

from core.engine.tokens import compiled
from core.flags.pooled import Context, Flag, Pooled, Word, make_flag

_LEMMAS = {
    "声称": "claim",
    "聲稱": "claim",
    "宣称": "claim",
    "宣稱": "claim",
    "坚称": "claim",
    "堅稱": "claim",
    "辩称": "claim",
    "辯稱": "claim",
    "表示": "say",
    "指出": "say",
    "透露": "say",
    "宣布": "say",
    "告诉": "say",
    "告訴": "say",
    "强调": "say",
    "強調": "say",
    "述べ": "say",
    "话说": "say",
    "说": "say",
    "說": "say",
    "称": "say",
    "稱": "say",
    "报道": "report",
    "報道": "report",
    "报导": "report",
    "報導": "report",
    "根据": "according",
    "根據": "according",
    "显示": "according",
    "顯示": "according",
    "表明": "according",
    "によると": "according",
    "によれば": "according",
    "据": "according",
    "據": "according",
}
_FORMS = "|".join(
    # (the longest first; each single character with the words it only stands in)
    {
        "说": "(?<![小传傳解来來可能以])说(?![明法服])",
        "說": "(?<![小传傳解来來可能以])說(?![明法服])",
        "称": "(?<![名号號简簡自对對])称(?![为為号號])",
        "稱": "(?<![名号號简簡自对對])稱(?![为為号號])",
        "根据": "根据(?=[^，。,]{0,60}?(?:显示|报道|报告|数据|调查|统计|消息|研究))",
        "根據": "根據(?=[^，。,]{0,60}?(?:顯示|報道|報告|數據|調查|統計|消息|研究))",
        "据": "(?<![数數证證依根占])据",
        "據": "(?<![数數证證依根占])據",
    }.get(form, form)
    for form in sorted(_LEMMAS, key=len, reverse=True)
)
_HAN = "[\u3040-\u30ff\u4e00-\u9fff]"  # (these two compiled when first used)


def check_han_attribution(pool: Pooled, context: Context) -> Flag | None:
    """An ``attribution`` flag for words of attribution that a change cut or put in;
    or a Japanese or Korean speaker before the quotation, changed (``_speaker``)."""
    if pool.old_text.isascii():
        return None
    if not compiled(_HAN).search(pool.old_text + pool.new_text):
        if compiled(_HANGUL).search(pool.old_text):
            return _speaker(pool, context, _KO_SPEAKER)
        return None
    old = _found(context.old, pool.old_span, pool.changed_spans(True))
    new = _found(context.new, pool.new_span, pool.changed_spans(False))
    old_lemmas = {lemma for lemma, _, _ in old}
    new_lemmas = {lemma for lemma, _, _ in new}
    shown_old = [w for lemma, w, touched in old if touched and lemma not in new_lemmas]
    shown_new = [w for lemma, w, touched in new if touched and lemma not in old_lemmas]
    if not shown_old and not shown_new:
        return _speaker(pool, context, _JA_SPEAKER)
    return make_flag("attribution", pool, shown_old, shown_new)


# A Japanese speaker before the quotation of what was said: "岸田首相は「…」と述べた".
_JA_SPEAKER = "([\u4e00-\u9fff\u30a0-\u30ff]{2,12})(?:は|が)、?「"
# ... and a Korean one, a word or two before the topic or subject particle: "윤석열
# 대통령은 "…"고 말했다".
_KO_SPEAKER = '((?:[\uac00-\ud7a3]{2,6} )?[\uac00-\ud7a3]{1,6}?)(?:은|는|이|가) ["\u201c]'
_HANGUL = "[\uac00-\ud7a3]"


def _speaker(pool: Pooled, context: Context, pattern: str) -> Flag | None:
    """The one speaker named before a quotation on each side, another on the other
    side, one of them in a change: ``岸田首相は「…」`` -> ``林官房長官は「…」``."""
    found = []
    for text, span, old in (
        (context.old, pool.old_span, True),
        (context.new, pool.new_span, False),
    ):
        speakers = list(compiled(pattern).finditer(text, *span))
        if len(speakers) != 1:
            return None
        found.append((speakers[0], [s for _, s in pool.changed_spans(old)]))
    (old_m, old_changed), (new_m, new_changed) = found
    if old_m.group(1) == new_m.group(1):
        return None
    touched = any(s < old_m.end(1) and old_m.start(1) < e for s, e in old_changed) or any(
        s < new_m.end(1) and new_m.start(1) < e for s, e in new_changed
    )
    if not touched:
        return None
    return make_flag(
        "attribution",
        pool,
        [Word(old_m.group(1), old_m.start(1), old_m.end(1), 0)],
        [Word(new_m.group(1), new_m.start(1), new_m.end(1), 0)],
    )


def _found(
    text: str, span: tuple[int, int], changed: list[tuple[int, tuple[int, int]]]
) -> list[tuple[str, Word, bool]]:
    """The words of attribution of the sentence at ``span``: lemma, the word (numbered
    with the change it stands in) and whether a change touches it."""
    out = []
    for m in compiled(_FORMS).finditer(text, *span):
        change = next((k for k, (s, e) in changed if s < m.end() and m.start() < e), None)
        word = Word(m.group(), m.start(), m.end(), 0 if change is None else change)
        out.append((_LEMMAS[m.group()], word, change is not None))
    return out
