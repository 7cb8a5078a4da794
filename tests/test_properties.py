"""Properties that hold for any page text (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segmenter.labels import LABELS

_LINES = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(["> quoted reply", "Reply", "###", "", "  ", "From: a@b.c", "WIRE -- it said."]),
    ),
    max_size=25,
)
_PAGES = st.one_of(st.text(max_size=400), _LINES.map("\n".join), _LINES.map("\r\n".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_PAGES)
def test_segments_honour_the_contract_for_any_text(tiny_segmenter, text):
    segments = tiny_segmenter.segment(text)
    previous_end = 0
    covered = [False] * len(text)
    for segment in segments:
        assert previous_end <= segment.start < segment.end <= len(text)
        assert segment.text == text[segment.start : segment.end]
        assert segment.label in LABELS
        assert 0.0 <= segment.score <= 1.0
        covered[segment.start : segment.end] = [True] * (segment.end - segment.start)
        previous_end = segment.end
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())
    assert tiny_segmenter.segment(text) == segments
