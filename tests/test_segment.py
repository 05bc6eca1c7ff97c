"""segment() and furniture_spans(): sentences of the story, never of the page around it.

Articles here are written for the tests; each page shape (bylines, captions, bios, link lists)
is the kind scraped news pages carry.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.segment import furniture_spans, segment
from checker.models import Document

PAGE = """Live Feed

Floods force thousands from homes in river valley

3 min read
Floods force thousands from homes in river valley
Rescue workers carry a resident through a flooded street in Dornbach on March 3, 2025. (Lena Ortiz/Getty Images)

By Samuel Achebe
Wednesday 5 March 2025 07.45 GMT

Floodwaters forced more than 6,000 people from their homes in the Dornbach valley on Tuesday, regional officials said.

The river rose 2.4 metres above its usual level overnight. Gen. Paul Okafor said No. 3 brigade had been sent to help.

Dam operator warns of further releases, says regional chief
The U.S. embassy offered assistance on Wednesday, and J. R. Halvorsen of the Red Cross said 14 shelters were open.
Sign up for our daily briefing newsletter
Newsletter: Get River Valley News in your inbox every morning. Join 25,000 readers.
Article image
Avatar
Maria Delgado

Climate desk editor

Maria Delgado is the climate desk editor at the Valley Courier, where she previously worked as a reporter. She joined the paper in March 2014 and was a 2019 fellow at a journalism institute.

Read more
Related:
- Storm leaves 40,000 without power in coastal towns
- Rainfall Records Broken Across The Region In 2024
Live Feed
Show More
"""

TRAILING_HEADLINES = """Protesters filled the central square on Saturday, organisers said.

Police estimated the crowd at 12,000 people, well below the organisers' figure.

Ten Cheapest Places To Retire In Europe This Year
Celebrity Chef Opens 40 New Restaurants In One Week
"""


WIRE_PAGE = """Factory fire forces 900 workers out of plant
Updated Jan 14, 2025, 9:40 a.m. ET
Listen to this article · 3 min
Image source, Staff photographer
Image caption, Smoke rises over the plant on Monday
By Lea Brandt and Omar Said
About 900 workers were evacuated from the plant on Monday after a fire broke out in a storage hall, the company said.
Advertisement
The fire was put out within 4 hours, according to the local fire brigade.
Reporting by Lea Brandt; Editing by Omar Said
Our Standards: The Newsroom Trust Principles.
© 2025 Example Wire. All rights reserved.
"""


def _doc(text: str, front: str = "") -> Document:
    return Document(id="t", path="t.txt", text=front + text, body_start=len(front))


def _sentences(text: str, front: str = "") -> list[str]:
    return [s.text for s in segment(_doc(text, front))]


def _in_sentence(document: Document, phrase: str) -> bool:
    start = document.text.index(phrase)
    return any(s.start <= start < s.end for s in segment(document))


@pytest.mark.parametrize(
    "phrase",
    [
        "3 min read",  # read time
        "March 3, 2025",  # caption date, credit in brackets
        "By Samuel Achebe",  # byline
        "07.45 GMT",  # dateline: only a day, date, time and zone
        "March 2014",  # author bio
        "2019 fellow",  # author bio
        "40,000 without power",  # related headline after a marker
        "In 2024",  # related headline, title case
        "daily briefing newsletter",  # prompt
        "Join 25,000 readers",  # prompt behind a "Newsletter:" label
        "Dam operator warns",  # headline-like link inside the story
        "Climate desk editor",  # bio label
    ],
)
def test_page_furniture_never_becomes_a_sentence(phrase: str) -> None:
    assert not _in_sentence(_doc(PAGE), phrase)


@pytest.mark.parametrize(
    "phrase", ["Jan 14, 2025", "3 min", "Staff photographer", "on Monday\nBy", "Lea Brandt;", "Trust Principles", "© 2025"]
)
def test_wire_page_furniture(phrase: str) -> None:
    assert not _in_sentence(_doc(WIRE_PAGE), phrase)


def test_wire_page_keeps_story_and_headline() -> None:
    sentences = segment(_doc(WIRE_PAGE))
    assert [s.text for s in sentences if s.in_headline] == ["Factory fire forces 900 workers out of plant"]
    assert any("About 900 workers" in s.text for s in sentences)
    assert any("within 4 hours" in s.text for s in sentences)


@pytest.mark.parametrize("phrase", ["more than 6,000 people", "2.4 metres", "14 shelters"])
def test_story_figures_stay_in_sentences(phrase: str) -> None:
    assert _in_sentence(_doc(PAGE), phrase)


def test_headline_is_marked_once() -> None:
    headlines = [s for s in segment(_doc(PAGE)) if s.in_headline]
    assert [s.text for s in headlines] == ["Floods force thousands from homes in river valley"]


def test_headline_with_full_stop_repeated_above_byline() -> None:
    text = "Talks collapse after 18 hours.\n\nTalks collapse after 18 hours.\n\nBy Ann Lee\n\nNegotiators walked out on Friday after 18 hours of talks, both sides said.\n"
    sentences = segment(_doc(text))
    assert [s.in_headline for s in sentences] == [True, False]
    assert sentences[1].text.startswith("Negotiators")


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    sentences = _sentences(PAGE)
    assert "The river rose 2.4 metres above its usual level overnight." in sentences
    assert "Gen. Paul Okafor said No. 3 brigade had been sent to help." in sentences
    assert any(s.startswith("The U.S. embassy offered") and s.endswith("14 shelters were open.") for s in sentences)


def test_trailing_title_case_headlines_are_furniture() -> None:
    document = _doc(TRAILING_HEADLINES)
    assert not _in_sentence(document, "40 New Restaurants")
    assert not _in_sentence(document, "Ten Cheapest")
    assert _in_sentence(document, "12,000 people")


def test_furniture_spans_name_their_reason() -> None:
    reasons = {_doc(PAGE).text[start:end]: reason for start, end, reason in furniture_spans(_doc(PAGE))}
    assert reasons["3 min read"] == "read time"
    assert reasons["By Samuel Achebe"] == "byline"
    assert "photo caption" in reasons.values()
    assert "author bio" in reasons.values()


def test_offsets_index_the_document_after_front_matter() -> None:
    front = "---\ntitle: Floods\npublished: 2025-03-04\n---\n"
    document = _doc(PAGE, front)
    sentences = segment(document)
    assert sentences and all(document.text[s.start:s.end] == s.text for s in sentences)
    assert all(s.start >= len(front) for s in sentences)
    for start, end, _ in furniture_spans(document):
        assert not any(s.start < end and start < s.end for s in sentences)


def test_paragraphs_are_counted_in_order() -> None:
    sentences = segment(_doc(PAGE))
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)
    river, general = (next(s for s in sentences if s.text.startswith(p)) for p in ("The river", "Gen."))
    assert river.paragraph == general.paragraph


def test_plain_article_without_page_has_no_furniture() -> None:
    text = "Officials said 300 homes were damaged.\nThe storm moved north on Sunday.\n"
    assert furniture_spans(_doc(text)) == []
    assert _sentences(text) == ["Officials said 300 homes were damaged.", "The storm moved north on Sunday."]


def test_bullets_in_the_story_are_kept() -> None:
    text = (
        "The agency released its figures for the week on Monday, showing the damage was widespread:\n"
        "- 41 people were killed in the north.\n- 200 more were injured in the capital.\n"
        "Aid groups said the numbers were likely to rise further in the coming days.\n"
    )
    sentences = _sentences(text)
    assert "41 people were killed in the north." in sentences
    assert "200 more were injured in the capital." in sentences


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80), max_size=8))
def test_sentences_always_quote_the_document(lines: list[str]) -> None:
    document = _doc("\n".join(lines))
    for sentence in segment(document):
        assert document.text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text


AGREEMENT_CASES = [
    "Officials said 40 homes burned. The fire started at 3 a.m. on Friday. Gen. Ruiz said "
    "\"We lost two trucks. Nobody was hurt.\" He added that U.S. crews helped. Rain is due Monday!",
    "The U.S. said 3,000 troops had moved. The U.N. Security Council met on Friday.",
    "Aid reached 12 towns in the U.S. The agency said more was coming.",
    "Talks resumed in the U.K. Officials said 40 people attended.",
    "The E.U. It said 2 million doses would follow. Shipments began at 9 p.m. Police said the roads were shut.",
    "U.S. officials put the toll at 120. The U.S. Army said 12 soldiers were hurt.",
    "At 5 p.m. the crowd had grown to 2,000. By 6 p.m. Organisers said it was 10,000.",
]


@pytest.mark.parametrize("paragraph", AGREEMENT_CASES)
def test_fast_split_and_pysbd_agree(paragraph: str) -> None:
    """Paragraphs the fast splitter takes must come out exactly as pysbd would split them."""
    import importlib

    from checker.models import Document

    segment_module = importlib.import_module("checker.extract.segment")
    document = Document(id="d", path="d.txt", text=paragraph + "\n")
    fast = [s.text for s in segment_module.segment(document)]
    original = segment_module._plain_pieces
    try:
        segment_module._plain_pieces = lambda body, cursor: None
        slow = [s.text for s in segment_module.segment(document)]
    finally:
        segment_module._plain_pieces = original
    assert fast == slow


def test_plain_paragraph_splits_at_every_full_stop() -> None:
    from checker.models import Document

    plain = Document(id="p", path="p.txt", text="About 40 homes burned. Crews saved 12 more. Rain is due Monday.\n")
    assert [s.text for s in segment(plain)] == [
        "About 40 homes burned.", "Crews saved 12 more.", "Rain is due Monday."]


def test_share_and_comment_counters_are_furniture() -> None:
    page = ("Bridge collapse: 7 dead as rescuers search river\n\nUpdated 20 October 2026, 14:32 BST\n"
            "By Hannah Olsen, Transport Correspondent\nShare 1.2K | 341 comments\n\n"
            "Seven people died when a road bridge collapsed on Monday evening, police said.\n")
    document = _doc(page)
    assert not _in_sentence(document, "341 comments") and not _in_sentence(document, "1.2K")
    assert _in_sentence(document, "Seven people died")


def test_a_related_link_with_a_long_headline_is_furniture_in_mid_story() -> None:
    # the marker stands before the colon, however long the linked headline after it
    text = ("Officials said 300 homes were damaged on Sunday, and the storm moved north overnight.\n"
            "Read more: Government announces a plan to rebuild 4,000 homes by the end of the decade, officials say\n"
            "The river peaked at 6.2 metres on Monday, the agency said in a statement.\n")
    reasons = {_doc(text).text[start:end]: reason for start, end, reason in furniture_spans(_doc(text))}
    assert reasons.get("Read more: Government announces a plan to rebuild 4,000 homes by the end of the decade, "
                       "officials say") == "related-links marker"


FACT_BOX_PAGE = """Floods kill dozens in northern valley

By Ana Ruiz, Staff Reporter

At least 41 people have died after days of heavy rain, officials said on Tuesday.

KEY FACTS
Deaths: 41
- People displaced: about 18,000
Rainfall in 48 hours: 310 mm
Area flooded: 1,300 sq km (500 sq miles)

Comments: 56
Updated: 14:32 GMT
Related: Dam operator warns of 3,000 more evacuations
"""


def test_fact_box_lines_are_kept_and_page_counts_are_not() -> None:
    # "Deaths: 41" is no sentence (no verb, no full stop) but the story's own figure; the page's
    # counters and stamps in the same label-colon shape stay furniture
    document = _doc(FACT_BOX_PAGE)
    for line in ("Deaths: 41", "People displaced: about 18,000", "Rainfall in 48 hours: 310 mm",
                 "Area flooded: 1,300 sq km (500 sq miles)"):
        assert _in_sentence(document, line), line
    for noise in ("KEY FACTS", "Comments: 56", "14:32", "3,000 more evacuations"):
        assert not _in_sentence(document, noise), noise
