"""The layout of an article's text: lines, paragraphs and Title Case headlines (no model)."""

from __future__ import annotations

from newsgraph.extract.layout import headline_lines, line_bounds, paragraph_bounds


def test_paragraphs_are_trimmed_non_blank_lines() -> None:
    text = "  First of all.\n\n   \nSecond line here \nThird"
    assert [text[s:e] for s, e in paragraph_bounds(text)] == [
        "First of all.",
        "Second line here",
        "Third",
    ]


def test_lines_keep_blank_looking_lines() -> None:
    text = "One\n   \nTwo"
    assert [text[s:e] for s, e in line_bounds(text)] == ["One", "   ", "Two"]


def test_headlines_are_title_case_lines_without_a_full_stop() -> None:
    text = (
        "Harbour Guards Seize Three Boats Near Velmar\n"
        "The guards said on Monday that the boats carried no cargo.\n"
        "Quiet Night Follows Fierce Fighting In The Valley.\n"
    )
    assert [text[s:e] for s, e in headline_lines(text)] == [
        "Harbour Guards Seize Three Boats Near Velmar"
    ]


def test_a_text_all_in_title_case_has_no_headline() -> None:
    text = "Harbour Guards Seize Three Boats\nMinisters Gather Before Winter Talks"
    assert headline_lines(text) == []


def test_short_words_do_not_count_towards_title_case() -> None:
    # fewer than three words longer than three letters: no headline
    text = "War In The Bay\nThe body of the article follows here, in plain sentences."
    assert headline_lines(text) == []
