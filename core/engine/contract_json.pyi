# The blocks and rows as the contract's JSON on the compiled path
# (core/engine/contract_json.c, built by ``make native``).
from collections.abc import Sequence

from core.model import Block, SentenceRow

def blocks_and_rows(blocks: Sequence[Block], rows: Sequence[SentenceRow], /) -> str: ...
