"""Tests for the quote parser: direct, partial, scare and reported quotes, speakers and channels."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conflictnews.model import Actor, Document, Quote
from conflictnews.parsers import Context
from conflictnews.parsers.quotes import QuoteParser

PARSER = QuoteParser()


def actors_in(text: str, spec: dict[str, tuple[str, list[str]]]) -> tuple[Actor, ...]:
    """Hand-built actors: name -> (kind, surfaces); every occurrence of a surface is a mention."""
    out = []
    for i, (name, (kind, surfaces)) in enumerate(spec.items()):
        mentions = sorted(
            (m.start(), m.end()) for s in surfaces for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)
        )
        out.append(Actor(id=f"a{i + 1}", name=name, kind=kind, mentions=[_span(a, b) for a, b in mentions]))
    return tuple(out)


def _span(a: int, b: int):  # type: ignore[no-untyped-def]
    from conflictnews.model import Span

    return Span(start=a, end=b)


def parse(text: str, spec: dict[str, tuple[str, list[str]]] | None = None) -> list[Quote]:
    ctx = Context(Document(text=text))
    ctx.actors = actors_in(text, spec or {})
    return [q for q in PARSER.parse(ctx) if isinstance(q, Quote)]


def speaker_name(text: str, q: Quote, spec: dict[str, tuple[str, list[str]]]) -> str | None:
    names = {a.id: a.name for a in actors_in(text, spec)}
    return names.get(q.speaker) if q.speaker else None


SYRSKYI = {"Oleksandr Syrskyi": ("person", ["Oleksandr Syrskyi", "Syrskyi"])}

LAYOUTS = [
    pytest.param('"We are holding the line," Syrskyi said.', "quotes/said-after", id="quote-then-speaker-said"),
    pytest.param('"We are holding the line," said Syrskyi.', "quotes/said-inverted", id="quote-then-said-speaker"),
    pytest.param('Syrskyi said: "We are holding the line."', "quotes/colon", id="colon"),
    pytest.param('Syrskyi said "We are holding the line."', "quotes/said-before", id="said-then-quote"),
    pytest.param("Syrskyi said, \u201cWe are holding the line.\u201d", "quotes/said-before", id="curly-comma"),
    pytest.param(
        "\u2018We are holding the line,\u2019 Syrskyi told reporters.", "quotes/said-after", id="single-curly"
    ),
    pytest.param("''We are holding the line,'' Syrskyi said.", "quotes/said-after", id="double-apostrophe"),
]


@pytest.mark.parametrize(("text", "rule"), LAYOUTS)
def test_direct_quote_layouts(text: str, rule: str) -> None:
    """Each supported layout yields the words inside the marks and the speaker via the cue."""
    quotes = parse(text, SYRSKYI)

    assert [rule] == [q.rule for q in quotes]
    assert "We are holding the line" == quotes[0].text.rstrip(".")
    assert "Oleksandr Syrskyi" == speaker_name(text, quotes[0], SYRSKYI)
    assert (True, False, False) == (quotes[0].direct, quotes[0].partial, quotes[0].scare)


def test_speaker_text_kept_without_actor() -> None:
    """With no actor covering the speaker, speaker stays None and speaker_text keeps the words."""
    (q,) = parse('"The bridge is gone," a local official said.')

    assert (None, "a local official", "said") == (q.speaker, q.speaker_text, q.cue)


def test_continuation_in_same_paragraph() -> None:
    """'"Q1," X said. "Q2"': the second quote inherits the speaker of the first."""
    text = '"We held," Syrskyi said. "We will hold again."'
    quotes = parse(text, SYRSKYI)

    assert ["quotes/said-after", "quotes/continuation"] == [q.rule for q in quotes]
    assert {"Oleksandr Syrskyi"} == {speaker_name(text, q, SYRSKYI) for q in quotes}


def test_quote_spanning_paragraphs() -> None:
    """An opening mark per paragraph without a closing one continues the same speaker's quote."""
    text = 'Syrskyi said: "The first line held.\n"The second line held too."'
    quotes = parse(text, SYRSKYI)

    assert ["The first line held.", "The second line held too."] == [q.text for q in quotes]
    assert [True, True] == [q.speaker is not None for q in quotes]


def test_seed_quotes(seed_text: str) -> None:
    """The reference article: the soldier's quote with channel BBC, and the partial "catastrophic"."""
    spec = {
        "Ukrainian forces": ("state_forces", ["Ukrainian forces", "Ukrainian troops", "Ukrainian soldiers"]),
        "soldiers": ("generic", ["soldiers"]),
        "BBC": ("media", ["BBC"]),
    }
    quotes = {q.text: q for q in parse(seed_text, spec) if q.direct}
    finished = quotes["Everything is finished... The operation was not successful."]
    catastrophic = quotes["catastrophic"]

    assert ("soldiers", "one", "BBC", "quotes/colon") == (
        speaker_name(seed_text, finished, spec),
        finished.speaker_text,
        finished.channel,
        finished.rule,
    )
    assert finished.channel_actor is not None
    assert ("Ukrainian forces", True, False) == (
        speaker_name(seed_text, catastrophic, spec),
        catastrophic.partial,
        catastrophic.scare,
    )


CHANNELS = [
    pytest.param('"It is over," the commander told the BBC.', "BBC", id="told-media"),
    pytest.param('The commander said on Telegram: "It is over."', "telegram", id="on-telegram"),
    pytest.param('"It is over," the president said in a video address.', "video address", id="video-address"),
    pytest.param('"It is over," the commander said in an interview.', "interview", id="interview"),
]


@pytest.mark.parametrize(("text", "channel"), CHANNELS)
def test_channels(text: str, channel: str) -> None:
    """The channel of a quote: the outlet told, the platform, the format."""
    (q,) = parse(text, {"BBC": ("media", ["BBC"])})

    assert channel.lower() == (q.channel or "").lower()


def test_scare_quotes_and_titles() -> None:
    """A quoted term with no speaker is partial and scare, not a quote of anyone."""
    text = 'The so-called "special military operation" went on. The film "Cold War" opened in Kyiv.'
    quotes = parse(text)

    assert [("special military operation", True), ("Cold War", True)] == [(q.text, q.scare) for q in quotes]
    assert all(q.partial and q.speaker is None for q in quotes)


def test_partial_quote_inside_reported_speech() -> None:
    """A fragment quoted inside "X said …" belongs to X and is partial."""
    text = 'Syrskyi said the retreat was "orderly" and planned.'
    quotes = parse(text, SYRSKYI)
    partial = [q for q in quotes if q.direct]

    assert [("orderly", True)] == [(q.text, q.partial) for q in partial]
    assert "Oleksandr Syrskyi" == speaker_name(text, partial[0], SYRSKYI)


def test_indirect_quote() -> None:
    """Reported speech "X said that …" is an indirect quote with its content span."""
    text = "Syrskyi said that Russian losses were near 50,000."
    (q,) = parse(text, SYRSKYI)

    assert ("Russian losses were near 50,000", False, "said") == (q.text, q.direct, q.cue)
    assert "Oleksandr Syrskyi" == speaker_name(text, q, SYRSKYI)


def test_pronoun_speaker_resolved_to_nearest_person() -> None:
    """'he said' goes to the nearest person named just before; speaker_text keeps "he"."""
    text = 'Oleksandr Syrskyi visited the front. "We are holding," he said.'
    (q,) = parse(text, SYRSKYI)

    assert ("he", "Oleksandr Syrskyi") == (q.speaker_text, speaker_name(text, q, SYRSKYI))


def test_nested_single_quotes_stay_inside() -> None:
    """A single-quoted phrase inside a double quote is part of it, not a quote of its own."""
    text = "\u201cThey shouted \u2018forward\u2019 and ran,\u201d Syrskyi said."
    quotes = parse(text, SYRSKYI)

    assert ["They shouted \u2018forward\u2019 and ran"] == [q.text for q in quotes]


def test_apostrophes_are_not_quotes() -> None:
    """Possessives and elisions are no quotation marks."""
    assert [] == parse("Ukraine's forces and the soldiers' families didn't leave, rock 'n' roll.")


# --------------------------------------------------------------------------- properties

_WORDS = ["the", "line", "holds", "we", "will", "stay", "bridge", "river", "fire", "night", "town", "soon"]
_NAMES = ["Anna Petrova", "Oleksandr Syrskyi", "Ivan Kovalenko", "Maria Bondar"]
_CUES = ["said", "added", "stated", "wrote", "claimed", "told reporters"]


@st.composite
def quoted_sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8))
    return " ".join(words).capitalize()


def _layouts(q1: str, q2: str, x: str, cue: str) -> list[tuple[str, list[str]]]:
    inv = cue if " " not in cue else "said"
    return [
        (f'"{q1}," {x} {cue}.', [q1]),
        (f'{x} {cue}: "{q1}."', [q1 + "."]),
        (f'"{q1}," {inv} {x}.', [q1]),
        (f'{x} {cue} "{q1}."', [q1 + "."]),
        (f'"{q1}," {x} {cue}. "{q2}."', [q1, q2 + "."]),
        (f"\u201c{q1},\u201d {x} {cue}. \u201c{q2}.\u201d", [q1, q2 + "."]),
        (f'"{q1}," {x} {cue}, "{q2}."', [q1, q2 + "."]),
    ]


@given(
    q1=quoted_sentences(),
    q2=quoted_sentences(),
    name=st.sampled_from(_NAMES),
    cue=st.sampled_from(_CUES),
    layout=st.integers(0, 6),
)
def test_generated_layouts(q1: str, q2: str, name: str, cue: str, layout: int) -> None:
    """For every supported layout the parser recovers each quote exactly and names the right speaker."""
    text, expected = _layouts(q1, q2, name, cue)[layout]
    spec = {name: ("person", [name])}
    quotes = parse(text, spec)

    assert expected == [q.text for q in quotes]
    assert [name] * len(expected) == [speaker_name(text, q, spec) for q in quotes]


@given(st.text(max_size=300))
@example('"')
@example("\u201c\u201c\u201d''' \"a\" said ''b'")
@example('"x," said.')
@example('according to , said: ""')
def test_never_raises_and_spans_match(text: str) -> None:
    """Any text parses; every quote's text is the text under its span, and results are sorted."""
    quotes = parse(text)

    for q in quotes:
        assert text[q.span.start : q.span.end] == q.text
    assert sorted(quotes, key=lambda q: q.span.start) == quotes
    assert [f"qt{i + 1}" for i in range(len(quotes))] == [q.id for q in quotes]


@given(st.text(alphabet='ab "\u201c\u201d.,:\n', max_size=80) | st.sampled_from([p.values[0] for p in LAYOUTS]))
def test_deterministic_and_prefix_shifts_spans(text: str) -> None:
    """The same text gives the same quotes; a neutral prefix shifts every span by its length."""
    prefix = "Nothing happened.\n"
    first = parse(text)
    shifted = parse(prefix + text)

    assert first == parse(text)
    assert [(q.span.start + len(prefix), q.text, q.rule) for q in first] == [
        (q.span.start, q.text, q.rule) for q in shifted
    ]


def test_long_run_of_quote_marks() -> None:
    """100k quotation marks and apostrophes parse without error."""
    text = ("\"'\u201c\u2019 " * 25_000)[:100_000]

    parse(text)


def test_channel_at_the_sentence_end_is_cut_there() -> None:
    """'told Reuters.' before another capitalised sentence names Reuters, not "Reuters. Two"."""
    text = '"It is over," the commander told Reuters. Two officials agreed.'
    (q,) = [q for q in parse(text) if q.direct]

    assert "Reuters" == q.channel


def test_channel_far_from_the_quote_and_cue_is_not_taken() -> None:
    """A platform named hundreds of characters away in the same run-on sentence is not this quote's channel."""
    filler = " ".join(["and the column moved on"] * 20)
    near = 'The commander said: "It is over" while others posted on Telegram'
    far = f'The commander said: "It is over" {filler} while others posted on Telegram'

    assert [("telegram", "quotes/colon"), (None, "quotes/colon")] == [
        ((q.channel or "").lower() or None, q.rule) for t in (near, far) for q in parse(t) if q.direct
    ]


def test_each_cue_of_a_sentence_ends_its_content_at_the_next_break() -> None:
    """Contents that start at different cues of one sentence each stop at the first clause break after them."""
    text = "Kyiv said the town held and claimed it was safe; officials added that talks would resume."
    spans = {q.cue: q.text for q in parse(text) if not q.direct}

    assert {"said": "the town held", "added": "talks would resume"} == {
        k: v for k, v in spans.items() if k in ("said", "added")
    }


def test_title_after_its_preposition_is_not_a_partial_quote_of_the_speaker() -> None:
    """'"…," X said on the podcast "Here's the Thing."': the title is a scare quote, not X's words."""
    text = '"Being a dad is my job," Syrskyi said on the podcast "Here\'s the Thing."'
    quotes = {q.text: q for q in parse(text, SYRSKYI) if q.direct}

    assert (True, None) == (quotes["Here's the Thing."].scare, quotes["Here's the Thing."].speaker)
    assert "Oleksandr Syrskyi" == speaker_name(text, quotes["Being a dad is my job"], SYRSKYI)


def test_inverted_speaker_is_a_noun_phrase_not_a_clause() -> None:
    """'X, the editor, said every unit was ready': "every unit was ready" is the content, not the speaker."""
    spec = {"Giovanni Vian": ("person", ["Giovanni Vian"])}
    text = "Giovanni Vian, the editor of the Vatican newspaper, L'Osservatore Romano, said every unit was ready."
    (q,) = parse(text, spec)

    assert ("every unit was ready", "quotes/indirect-before") == (q.text, q.rule)


INVERTED_SPEAKERS = [
    pytest.param('"The line holds," said Mr. Syrskyi, the commander.', "Mr. Syrskyi", id="title-abbreviation"),
    pytest.param('"The line holds," said Oleksandr S. Syrskyi.', "Oleksandr S. Syrskyi", id="initial"),
    pytest.param(
        '"The line holds," said a handful of officers who served with Syrskyi in the east last year.',
        "a handful of officers",
        id="cut-at-relative-clause",
    ),
    pytest.param('"The line holds," said Syrskyi as he left the briefing.', "Syrskyi", id="cut-at-as-clause"),
]


QUESTION_QUOTES = [
    pytest.param('"Can we hold the line?" Syrskyi asked.', "Syrskyi", "quotes/said-after", id="after"),
    pytest.param('"We will hold!" said Syrskyi.', "Syrskyi", "quotes/said-inverted", id="inverted"),
    pytest.param("''Can we hold?'' Mr. Syrskyi asked.", "Mr. Syrskyi", "quotes/said-after", id="double-apostrophes"),
]


@pytest.mark.parametrize(("text", "speaker", "rule"), QUESTION_QUOTES)
def test_a_quotation_ending_in_a_question_or_exclamation_mark_keeps_its_cue(text: str, speaker: str, rule: str) -> None:
    """'"Can we hold?" X asked.': the splitter ends a sentence at "?", the cue after it still attributes the quote."""
    (q,) = parse(text, SYRSKYI)

    assert (rule, speaker) == (q.rule, q.speaker_text)


def test_a_question_quotation_followed_by_a_new_sentence_is_not_attributed_to_it() -> None:
    """A cue further into the next sentence attributes that sentence, not the question before it."""
    text = '"Why?" Many of the officers in the town said the line would hold.'
    quotes = parse(text, SYRSKYI)

    assert [("Why?", None)] == [(q.text, q.cue) for q in quotes if q.direct]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param('"The line holds," Oleksandr Syrskyi, Ukraine\'s top commander, said.', "Oleksandr Syrskyi"),
        pytest.param("''The line holds,'' Oleksandr Syrskyi, the Chief of Staff, said.", "Oleksandr Syrskyi"),
        pytest.param('"The line holds," Syrskyi, a former tank officer, said.', "Syrskyi"),
    ],
)
def test_the_speaker_is_the_name_before_its_appositive(text: str, speaker: str) -> None:
    """'"…," X, Y's top commander, said': X speaks; the appositive after it, whatever its case, does not."""
    (q,) = parse(text, SYRSKYI)

    assert ("quotes/said-after", speaker, "The line holds") == (q.rule, q.speaker_text, q.text)


@pytest.mark.parametrize(("text", "speaker"), INVERTED_SPEAKERS)
def test_inverted_speaker_words(text: str, speaker: str) -> None:
    """'said Mr. X', 'said John F. X', 'said a handful of officers who …': the speaker's words, whole."""
    (q,) = parse(text, SYRSKYI)

    assert ("quotes/said-inverted", speaker) == (q.rule, q.speaker_text)


def test_channel_after_an_adverbial_and_colon() -> None:
    """'said on Telegram: "…"': the quotation is the content and the channel is found."""
    text = 'Syrskyi said on Telegram: "It is over."'
    (q,) = parse(text, SYRSKYI)

    assert ("It is over.", "Oleksandr Syrskyi", "telegram") == (
        q.text,
        speaker_name(text, q, SYRSKYI),
        (q.channel or "").lower(),
    )


def test_cue_words_in_markup_and_participle_adjectives_are_no_cues() -> None:
    """'<tweet/>' is markup; 'in pledged delegates', '270 pledged delegates' use the participle as an adjective."""
    text = (
        "Syrskyi posted a map.<tweet/>. Kyiv leads in pledged delegates and the reserves. "
        "Kyiv leads by 270 pledged delegates now."
    )
    quotes = parse(text)

    assert [] == [(q.cue, q.text) for q in quotes if q.cue in ("tweet", "pledged")]


def test_relative_clause_quote_ends_where_the_main_clause_resumes() -> None:
    """'Syrskyi, who said A, has argued B': the indirect quote of 'said' is A alone."""
    text = "Syrskyi, who said the reserves had arrived, has argued that the line will hold."
    quotes = parse(text)

    assert ("said", "the reserves had arrived") in [(q.cue, q.text) for q in quotes]


# --------------------------------------------------------------------------- indices built once per document

_PIECES = st.sampled_from(
    [
        *(",", ", ", " ", "  ", ";", "\u2014", " \u2014 ", "--", "---", " -- ", "\u2013", "\n", "\n\n", "\t", "\u00a0"),
        *("but", "But", "yet", "while", "even as", "according to", "citing", "\u212a", "\u017f", "x", "1", "(", ":"),
        *("'", "''", "\u2018", "\u2019", '"', "\u201c", "\u201d", "Ukraine's", "said", "claiming", ", claiming"),
        *("ING", "\u0130NG", "CLAIMING", ",\u201d saying", "\u00e9", "and", " and ", "And", " also ", "then", "later"),
        *("suggested", "andsaid", "said-x", "-", "_"),
    ]
)


@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
@example("He said so, and suggested it, and also claimed, but the end. and and said")
@example("Smith said A -- B; C \u2014 D, but E, claiming F, 'G' and 'H'")
def test_document_indices_match_their_patterns(text: str) -> None:
    """The indices found with str.find and pre-checks hold exactly the matches of the patterns they stand for."""
    from conflictnews.parsers import quotes as q

    cues = q.load_cues()
    ctx = Context(Document(text=text))
    cx = q._Ctx(ctx, cues)
    assert cx.boundaries == [m.start() for m in q._BOUNDARY.finditer(text)]
    assert cx.commas == [m.start() for m in re.finditer(",", text)]
    stops: tuple[list[int], list[int]] = ([], [])
    for h in q._STOP_HEADS.finditer(text):
        j = h.start() if text[h.start()] in ",;" else h.start() - 1
        m = q._CONTENT_STOPS.match(text, j) if j >= 0 else None
        if m is not None:
            stops[0].append(m.start())
            stops[1].append(m.end())
    assert cx.stops == stops
    parts = [
        (m.start(), m.end())
        for c in cx.commas
        if (m := q._PARTICIPLE_AFTER_COMMA.match(text, c)) is not None
        and (w := m.group(1).lower()).endswith("ing")
        and w in cues.verbs
    ]
    assert cx.participles == ([a for a, _ in parts], [b for _, b in parts])
    coordinated: tuple[list[int], list[int], list[int]] = ([], [], [])
    last = -1
    for i in cx.analysis.indices_of(q._AND_BUT):
        if cx.tok_starts[i] < last or cx.tok_words[i] not in q._AND_BUT:
            continue
        m = q._COORDINATED_CORE.match(text, cx.tok_starts[i])
        if m is None:
            continue
        last = m.end()
        w = m.group(1).lower()
        if w in cues.verbs and not w.endswith("ing"):
            c = q._COMMA_BEFORE.search(text, max(0, m.start() - 40), m.start())
            coordinated[0].append(c.start() if c is not None else m.start())
            coordinated[1].append(m.start())
            coordinated[2].append(m.end())
    assert cx.coordinated == coordinated
    singles = [
        m.start()
        for p_start, p_end in cx.analysis.paragraphs
        for m in q._SINGLE.finditer(text, p_start, p_end)
        if not q._inside(list(cx.analysis.quote_regions), [r.start for r in cx.analysis.quote_regions], m.start())
    ]
    # every single-mark region opens and closes at a match of _SINGLE
    for r in cx.regions:
        if r not in cx.analysis.quote_regions:
            assert r.open_mark in singles
            assert r.close_mark in singles


def test_a_cue_noun_after_a_light_verb_and_its_indirect_object_is_no_attribution() -> None:
    """ "giving those committed to peace hope": "hope" is the noun a light verb gives, not a speaker's verb."""
    import conflictnews as cn

    report = cn.parse("The talks are giving those committed to resolution hope amid the chaos.")
    assert () == report.claims
    assert ["warned"] == [c.cue for c in cn.parse("Officials raised concerns and warned of more attacks.").claims]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        pytest.param("Instead, Will said the line would hold.", "Will", "said", id="capitalised-modal-is-a-name"),
        pytest.param("The army needs a commander who can argue that the line will hold.", "who", "can argue", id="can"),
        pytest.param(
            "Syrskyi, who commands the army, will ever tell them that the line holds.", "Syrskyi", "will ever tell"
        ),
    ],
)
def test_auxiliaries_join_the_cue_only_in_lower_case(text: str, speaker: str, cue: str) -> None:
    """'can', 'ever' and 'will' belong to the cue; a capitalised "Will" in mid-sentence is someone's name."""
    (q,) = parse(text, SYRSKYI)

    assert (speaker, cue) == (q.speaker_text, q.cue)


@given(st.text(alphabet=st.sampled_from(list('ab ,;"\u201c\u201d\u00ab\u00bb\u201e\n\t\u2014\u2013\x1c')), max_size=60))
@example('a "b" \u201cc\u201d\n\n \n\u00abd\u00bb')
def test_analysis_offsets_and_paragraphs_match_regex_scans(text: str) -> None:
    """The character offsets and lines the analysis finds with str.find are those of the regex scans."""
    from conflictnews._analysis import Analysis

    an = Analysis(text)
    for chars in (",", ",;\u2014\u2013", '"\u201c\u201d\u00ab\u00bb\u201e', "zq"):
        assert an.offsets(chars) == [m.start() for m in re.finditer("[" + re.escape(chars) + "]", text)]
    assert an.paragraphs == tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip())


@given(st.text(alphabet=st.sampled_from(list("ab1_ -'\u2019\u2010.\n")), max_size=60))
@example("mid-March Ukraine's a-b-c -x y- '' 1-2_a-b")
def test_analysis_joined_tokens_are_the_tokens_holding_a_mark(text: str) -> None:
    """Found through the offsets of the marks, the joined tokens are those whose word holds one."""
    from conflictnews._analysis import Analysis

    an = Analysis(text)
    want = [i for i, w in enumerate(an.tok_words) if "-" in w or "'" in w or "\u2019" in w]
    assert an.joined_tokens == want
