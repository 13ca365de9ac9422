"""The cheaper ways the flags take on heavily edited text give the answers of the ways
before: each is checked here against the way it was computed before (kept here), on
the cases its own shortcut could get wrong.
"""

from __future__ import annotations

import re

import pytest

from core.flags import names

PARTICLE_TEXTS = [
    "Ursula von der Leyen met van den Berg, zu dem Hof and ter der Aa.",
    "avon der Zee, vonder der Xyz, von der der Yew, Herr von der Zu der Abc.",
    "von dem\nVon der Ab, von derX, von der \u00c9lan, under Order, wonder den Dam.",
    "Voltaire zu den Zelten, van dem Bosch, vom der Kamp, ter den Berg, und der Rest.",
    "",
]


@pytest.mark.parametrize("text", PARTICLE_TEXTS)
def test_names_after_a_particle_are_found_as_before(text: str) -> None:
    before = re.compile(rf"\b(?:von|van|vom|zu|ter) (?:der|den|dem) ([{names._CAPITALS}]\w*)")
    assert names._AFTER_PARTICLE.findall(text) == before.findall(text)
