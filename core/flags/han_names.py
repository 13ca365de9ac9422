"""Names in Chinese text, which has no capitals to tell them by.

A name of two or three characters right after a title is told (``官员崔成范在现场对记者
说``: an official, a spokesman, a minister ...). A name a change touches that the other
sentence does not hold is a ``name`` flag: ``"崔成范" -> "吴承勋"``. Names written
otherwise are not told from other words: a Chinese name in running text with no title
before it, and a foreign name transliterated with a middle dot (``弗拉德倫·塔塔爾斯基``),
whose ends are not known and whose spelling varies between outlets and scripts
(``特朗普`` / ``川普``, ``澤連斯基`` / ``泽连斯基``).
"""

from __future__ import annotations

from core.engine.tokens import compiled
from core.flags.pooled import Context, Flag, Pooled, Word, make_flag

_HAN = "\u4e00-\u9fff"
# (compiled when first used, for Chinese text only)
_TITLES = (
    "官员 官員 发言人 發言人 总统 總統 主席 总理 總理 首相 部长 部長 局长 局長 市长 市長 "
    "州长 州長 大使 教授 博士 警官 队长 隊長 省长 省長 议员 議員 法官 院长 院長 主任"
).split()
_AFTER_NAME = "在说說表称稱对對指透，、。的向"
_TITLED = f"(?:{'|'.join(_TITLES)})([{_HAN}]{{2,3}}?)(?=[{_AFTER_NAME}]|表示)"
_HAN_CHAR = f"[{_HAN}]"


def check_han_names(pool: Pooled, context: Context) -> Flag | None:
    """A ``name`` flag for Chinese names a change cut or put in (see the module)."""
    texts = pool.old_text + pool.new_text
    if texts.isascii() or not compiled(_HAN_CHAR).search(texts):
        return None
    old = _names(context.old, pool.old_span, pool.changed_spans(True))
    new = _names(context.new, pool.new_span, pool.changed_spans(False))
    gone = [w for w in old if w.text not in pool.new_text]
    came = [w for w in new if w.text not in pool.old_text]
    if not gone and not came:
        return None
    return make_flag("name", pool, gone, came)


def _names(
    text: str, span: tuple[int, int], changed: list[tuple[int, tuple[int, int]]]
) -> list[Word]:
    """The titled names of the sentence at ``span`` that a change touches, each
    numbered with that change."""
    out: list[Word] = []
    for m in compiled(_TITLED).finditer(text, *span):
        start, end = m.span(1)
        touched = [k for k, (s, e) in changed if s < end and start < e]
        if touched:
            out.append(Word(m.group(1), start, end, touched[0]))
    return out
