"""Tests for the claim parser: sources, chains, cues, stance, hedges, disputes and quantities."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews.model import Actor, Claim, Document, Quantity, Span, Stance
from conflictnews.parsers import Context
from conflictnews.parsers.claims import ClaimParser
from conflictnews.parsers.quotes import QuoteParser

Spec = dict[str, tuple[str, list[str]]]


def actors_in(text: str, spec: Spec) -> tuple[Actor, ...]:
    """Hand-built actors: name -> (kind, surfaces); every occurrence of a surface is a mention."""
    out = []
    for i, (name, (kind, surfaces)) in enumerate(spec.items()):
        found = sorted(
            (m.start(), m.end()) for s in surfaces for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)
        )
        out.append(Actor(id=f"a{i + 1}", name=name, kind=kind, mentions=[Span(start=a, end=b) for a, b in found]))
    return tuple(out)


def parse(
    text: str, spec: Spec | None = None, quantities: tuple[Quantity, ...] = ()
) -> tuple[list[Claim], dict[str, str]]:
    ctx = Context(Document(text=text))
    ctx.actors = actors_in(text, spec or {})
    ctx.quantities = quantities
    ctx.add(QuoteParser().parse(ctx))
    claims = [c for c in ClaimParser().parse(ctx) if isinstance(c, Claim)]
    return claims, {a.id: a.name for a in ctx.actors}


def content(text: str, c: Claim) -> str:
    return text[c.content.start : c.content.end]


CASES = [
    pytest.param(
        "According to the New York Times, Ukrainian troops have largely withdrawn from Kursk.",
        {"The New York Times": ("media", ["New York Times"])},
        ("The New York Times", "According to", "reported", "Ukrainian troops have largely withdrawn from Kursk"),
        "claims/according-to",
        id="according-to-before",
    ),
    pytest.param(
        "Ukrainian troops have largely withdrawn from Kursk, according to the BBC.",
        {"BBC": ("media", ["BBC"])},
        ("BBC", "according to", "reported", "Ukrainian troops have largely withdrawn from Kursk"),
        "claims/according-to",
        id="according-to-after",
    ),
    pytest.param(
        "Reports confirm intense fighting around Sudzha, which Russia has claimed full control over.",
        {"Russia": ("government", ["Russia"]), "reports": ("generic", ["Reports"])},
        ("Russia", "has claimed", "claimed", "full control over"),
        "claims/verb-cue",
        id="relative-clause-claimed",
    ),
    pytest.param(
        "Military sources indicate Ukrainian forces were outnumbered six to one.",
        {"military sources": ("anonymous_source", ["Military sources"])},
        ("military sources", "indicate", "reported", "Ukrainian forces were outnumbered six to one"),
        "claims/verb-cue",
        id="anonymous-source",
    ),
    pytest.param(
        "A Ukrainian Colonel, speaking anonymously, confirmed the heavy toll on logistics lines.",
        {"Ukrainian colonel": ("anonymous_source", ["Ukrainian Colonel"])},
        ("Ukrainian colonel", "confirmed", "asserted", "the heavy toll on logistics lines"),
        "claims/verb-cue",
        id="parenthetical-between-source-and-cue",
    ),
    pytest.param(
        "President Zelensky has accused Russia of perpetuating the conflict, claiming Moscow refuses to negotiate.",
        {"Volodymyr Zelensky": ("person", ["President Zelensky"]), "Russia": ("government", ["Russia"])},
        ("Volodymyr Zelensky", "has accused", "alleged", "Russia of perpetuating the conflict"),
        "claims/verb-cue",
        id="accused-of",
    ),
    pytest.param(
        "The ministry denied that its troops had shelled the village.",
        {"ministry": ("government", ["The ministry"])},
        ("ministry", "denied", "denied", "its troops had shelled the village"),
        "claims/verb-cue",
        id="denied",
    ),
]


@pytest.mark.parametrize(("text", "spec", "expected", "rule"), CASES)
def test_first_claim(text: str, spec: Spec, expected: tuple[str, str, str, str], rule: str) -> None:
    """Source, cue, stance and content of the claim with the expected cue."""
    claims, names = parse(text, spec)
    c = next(c for c in claims if c.cue == expected[1])

    assert expected == (names.get(c.source or ""), c.cue, c.stance.value, content(text, c))
    assert rule == c.rule
    assert c.cue_span is not None
    assert text[c.cue_span.start : c.cue_span.end] == c.cue


def test_participle_claim_takes_the_sentence_subject() -> None:
    """'X has accused …, claiming …': the participle's claim has the same source."""
    text = "President Zelensky has accused Russia of perpetuating the conflict, claiming Moscow refuses to negotiate."
    claims, names = parse(text, {"Volodymyr Zelensky": ("person", ["President Zelensky"])})

    assert [("has accused", "Volodymyr Zelensky"), ("claiming", "Volodymyr Zelensky")] == [
        (c.cue, names.get(c.source or "")) for c in claims
    ]
    assert "Moscow refuses to negotiate" == content(text, claims[1])


HEDGES = [
    pytest.param(
        "Some reports suggest as many as 70,000 Russian troops were concentrated.",
        ("suggest", "Some"),
        id="some-reports-suggest",
    ),
    pytest.param("Witkoff has suggested discussions might pave the way for talks.", ("suggested", "might"), id="might"),
    pytest.param("New missiles are reportedly being deployed by Ukraine.", ("reportedly",), id="reportedly"),
    pytest.param("Now, it appears nearly all of it has been reclaimed.", ("appears",), id="it-appears"),
]


@pytest.mark.parametrize(("text", "hedges"), HEDGES)
def test_hedged_claims(text: str, hedges: tuple[str, ...]) -> None:
    """Hedging words in the cue, the content or the source make the claim hedged and are kept."""
    claims, _ = parse(text)

    assert [(True, Stance.HEDGED, hedges)] == [(c.hedged, c.stance, c.hedges) for c in claims]


def test_allegations_of() -> None:
    """'allegations of …' is an alleged claim without a source."""
    text = "Tensions grew amid allegations of executions of Ukrainian prisoners of war, raising fears."
    claims, _ = parse(text)

    assert [("allegations of", Stance.ALLEGED, None, "executions of Ukrainian prisoners of war")] == [
        (c.cue, c.stance, c.source, content(text, c)) for c in claims
    ]


def test_chain_citing() -> None:
    """'according to the NYT, citing two officials' keeps both links, outermost first."""
    text = "According to the New York Times, citing two officials, the brigade withdrew overnight."
    spec = {"The New York Times": ("media", ["New York Times"]), "officials": ("anonymous_source", ["two officials"])}
    claims, names = parse(text, spec)
    (c,) = claims

    assert ["The New York Times", "officials"] == [names[i] for i in c.chain]
    assert ("The New York Times", "the brigade withdrew overnight") == (names[c.source or ""], content(text, c))


def test_disputed_by_observers() -> None:
    """'yet this assertion is met with skepticism by international observers' disputes the claim before it."""
    text = (
        "General Oleksandr Syrskyi maintains optimism, asserting Russian losses near 50,000, "
        "yet this assertion is met with skepticism by international observers."
    )
    spec = {
        "Oleksandr Syrskyi": ("person", ["General Oleksandr Syrskyi"]),
        "international observers": ("generic", ["international observers"]),
    }
    claims, names = parse(text, spec)
    (c,) = claims

    assert ("Oleksandr Syrskyi", "asserting", ["international observers"]) == (
        names[c.source or ""],
        c.cue,
        [names[i] for i in c.disputed_by],
    )


def test_denial_disputes_earlier_claim() -> None:
    """'Moscow denied the report' marks the report before it as disputed by Moscow."""
    text = "Kyiv said Russian drones hit a hospital. Moscow denied the report."
    spec = {"Ukraine": ("government", ["Kyiv"]), "Russia": ("government", ["Moscow"])}
    claims, names = parse(text, spec)

    assert [["Russia"]] == [[names[i] for i in c.disputed_by] for c in claims if c.cue == "said"]


def test_quantities_inside_content_are_linked() -> None:
    """A claim lists the quantities whose span lies inside its content."""
    text = "Syrskyi said Russian losses were near 50,000."
    i = text.index("50,000")
    q = Quantity(id="q1", text="50,000", span=Span(start=i, end=i + 6), value=50000.0)
    claims, _ = parse(text, quantities=(q,))

    assert [("q1",)] == [c.quantities for c in claims]


def test_direct_quote_continuation_joins_the_claim() -> None:
    """A quotation told in pieces ('"A," X said. "B."') is one claim of X running over both pieces."""
    text = '"We held," Syrskyi said. "We will hold again."'
    claims, names = parse(text, {"Oleksandr Syrskyi": ("person", ["Syrskyi"])})

    assert [("claims/verb-cue", "Oleksandr Syrskyi", text[1:-1])] == [
        (c.rule, names.get(c.source or ""), content(text, c)) for c in claims
    ]


def test_quote_with_its_own_cue_stays_a_claim_of_its_own() -> None:
    """A second quotation with a cue of its own ("he added") is a second claim; so is another speaker's."""
    spec = {"Oleksandr Syrskyi": ("person", ["Syrskyi"]), "Volodymyr Zelensky": ("person", ["Zelensky"])}
    text = '"We held," Syrskyi said. "We will hold again," he added. "We will not," Zelensky said.'
    claims, _ = parse(text, spec)

    assert [
        ("said", "We held"),
        ("added", "We will hold again"),
        ("said", "We will not"),
    ] == [(c.cue, content(text, c)) for c in claims]


SEED_ACTORS: Spec = {
    "The New York Times": ("media", ["New York Times"]),
    "Russia": ("government", ["Russia"]),
    "military sources": ("anonymous_source", ["Military sources"]),
    "Ukrainian colonel (anonymous)": ("anonymous_source", ["Ukrainian Colonel"]),
    "some reports": ("generic", ["Some reports", "Reports"]),
    "Volodymyr Zelensky": ("person", ["President Zelensky", "Zelensky"]),
    "Oleksandr Syrskyi": ("person", ["Oleksandr Syrskyi"]),
    "Steve Witkoff": ("person", ["Steve Witkoff"]),
    "international observers": ("generic", ["international observers"]),
}
SEED_CLAIMS = [
    ("The New York Times", "According to", None),
    ("Russia", "has claimed", None),
    ("military sources", "indicate", None),
    ("Ukrainian colonel (anonymous)", "confirmed", None),
    ("some reports", "suggest", None),
    ("Volodymyr Zelensky", "has accused", None),
    ("Oleksandr Syrskyi", "asserting", "international observers"),
    ("Steve Witkoff", "has suggested", None),
]


def test_seed_claims(seed_text: str) -> None:
    """The reference article's eight claims, with source, cue and (for Syrskyi) the dispute."""
    claims, names = parse(seed_text, SEED_ACTORS)
    got = {(names.get(c.source or ""), c.cue, names.get(c.disputed_by[0]) if c.disputed_by else None) for c in claims}

    assert [] == [c for c in SEED_CLAIMS if c not in got]


# --------------------------------------------------------------------------- properties


@given(st.text(max_size=300))
@example("according to")
@example("According to X, citing")
@example("allegations of , reportedly")
@example("X said. It appears")
def test_never_raises_and_spans_inside(text: str) -> None:
    """Any text parses; content and cue spans lie inside the text; ids follow text order."""
    claims, _ = parse(text)

    for c in claims:
        assert 0 <= c.span.start <= c.content.start <= c.content.end <= c.span.end <= len(text)
        assert c.cue_span is None or text[c.cue_span.start : c.cue_span.end] == c.cue
    assert sorted(claims, key=lambda c: c.content.start) == claims
    assert [f"c{i + 1}" for i in range(len(claims))] == [c.id for c in claims]


@given(st.sampled_from([p.values[0] for p in CASES + HEDGES]) | st.text(alphabet="ab said,.:\"'", max_size=60))
def test_deterministic_and_prefix_shifts_spans(text: str) -> None:
    """The same text gives the same claims; a neutral prefix shifts every span by its length."""
    prefix = "Nothing happened.\n"
    first, _ = parse(text)
    shifted, _ = parse(prefix + text)

    assert first == parse(text)[0]
    assert [(c.content.start + len(prefix), c.cue, c.stance) for c in first] == [
        (c.content.start, c.cue, c.stance) for c in shifted
    ]


def test_hedges_of_a_long_content_are_each_kept_once_in_order() -> None:
    """Many hedges in a long content: each word once, in text order; a capitalised one does not hedge."""
    filler = " ".join(["the brigade may hold the line"] * 20)
    text = f"Officials said that {filler} and Reportedly the town could reportedly fall."
    claims, _ = parse(text)
    (c,) = [c for c in claims if c.cue == "said"]

    assert ("may", "could", "reportedly") == c.hedges


def test_dispute_skips_the_disputers_own_claims() -> None:
    """'Moscow denied the report' goes to the latest claim before it that is not Moscow's own."""
    text = "Kyiv said drones hit a hospital; Moscow said it hit depots. Moscow denied the report."
    spec = {"Ukraine": ("government", ["Kyiv"]), "Russia": ("government", ["Moscow"])}
    claims, names = parse(text, spec)

    assert [("Ukraine", ["Russia"])] == [
        (names[c.source or ""], [names[i] for i in c.disputed_by]) for c in claims if c.disputed_by
    ]


SYRSKYI: Spec = {"Oleksandr Syrskyi": ("person", ["Syrskyi"])}

ATTITUDES = [
    pytest.param("Syrskyi wants a ceasefire before the talks.", "wants", "a ceasefire before the talks", id="want"),
    pytest.param("Syrskyi endorsed the plan to pull back.", "endorsed", "the plan to pull back", id="endorse"),
    pytest.param(
        "Syrskyi called for an inquiry into the strike.", "called for", "an inquiry into the strike", id="call-for"
    ),
    pytest.param("Syrskyi rejected the proposal outright.", "rejected", "the proposal outright", id="reject-object"),
    pytest.param("Syrskyi expects heavy fighting near Sudzha.", "expects", "heavy fighting near Sudzha", id="expect"),
]


@pytest.mark.parametrize(("text", "cue", "said"), ATTITUDES)
def test_attitude_verbs_attribute_their_object(text: str, cue: str, said: str) -> None:
    """Verbs of wanting, backing, rejecting and expecting attribute what follows them to their subject."""
    claims, names = parse(text, SYRSKYI)

    assert [(cue, "Oleksandr Syrskyi", said)] == [(c.cue, names.get(c.source or ""), content(text, c)) for c in claims]


def test_relative_pronoun_speaker_is_its_antecedent() -> None:
    """'X, who said …': "who" names the speaker, the actor before it is who speaks."""
    text = "The strike angered Syrskyi, who said the town had no military targets."
    claims, names = parse(text, SYRSKYI)

    assert [("said", "who", "Oleksandr Syrskyi", "the town had no military targets")] == [
        (c.cue, c.source_text, names.get(c.source or ""), content(text, c)) for c in claims
    ]


def test_speaker_label_with_colon() -> None:
    """'Name: what they said.' opening a sentence attributes the rest to the name; a place label does not."""
    text = "Syrskyi: The line will hold. Update: The town fell."
    claims, names = parse(text, SYRSKYI)

    assert [("claims/label", "Oleksandr Syrskyi", "The line will hold")] == [
        (c.rule, names.get(c.source or ""), content(text, c)) for c in claims
    ]


def test_as_the_source_reported() -> None:
    """'As X reported, …' attributes the clause after the comma to X, even with a weak verb."""
    text = "As the BBC reported, the brigade withdrew overnight."
    claims, names = parse(text, {"BBC": ("media", ["BBC"])})

    assert [("reported", "BBC", "the brigade withdrew overnight")] == [
        (c.cue, names.get(c.source or ""), content(text, c)) for c in claims
    ]


def test_short_tail_after_a_quote_is_not_a_content() -> None:
    """'"…," Syrskyi said then.': the quotation is the content, not "then"."""
    text = '"We will hold the line," Syrskyi said then.'
    claims, _ = parse(text, SYRSKYI)

    assert ["We will hold the line"] == [content(text, c) for c in claims]


def test_noun_cue_with_its_own_link_word_and_possessive_source() -> None:
    """'Syrskyi's questions about …' and 'his criticism of …': the noun's link word, the possessor as source."""
    text = "Syrskyi's questions about the supply lines went unanswered. Later his criticism of the plan grew louder."
    claims, names = parse(text, SYRSKYI)

    assert [("questions about", "Syrskyi", "Oleksandr Syrskyi"), ("criticism of", "his", "Oleksandr Syrskyi")] == [
        (c.cue, c.source_text, names.get(c.source or "")) for c in claims
    ]


def test_cue_words_as_nouns_and_passives_are_not_claims_of_a_subject() -> None:
    """'raises questions', 'giving hope' use the cue word as a noun; '…, fatalities were reported' is a passive."""
    text = (
        "The retreat raises questions about supply lines. The talks are giving hope to many. "
        "During the clashes near Sudzha, fatalities were reported."
    )
    claims, _ = parse(text)

    assert [] == [(c.cue, c.source_text) for c in claims if c.source_text]


def test_attribution_inside_another_content_is_not_a_claim_of_its_own() -> None:
    """'X said that Y believes Z': one claim, X's; a claim in an object relative clause ('which Y claimed') stays."""
    text = (
        "Syrskyi said that Russian officers believe the town is lost. "
        "Syrskyi confirmed fighting near Sudzha, which Moscow has claimed full control over."
    )
    spec = {**SYRSKYI, "Russia": ("government", ["Moscow"])}
    claims, names = parse(text, spec)

    assert [
        ("said", "Oleksandr Syrskyi"),
        ("confirmed", "Oleksandr Syrskyi"),
        ("has claimed", "Russia"),
    ] == [(c.cue, names.get(c.source or "")) for c in claims]


def test_quotation_told_in_pieces_round_the_attribution_is_one_claim() -> None:
    """'"A," he said, "b."' and 'A, he said, "b."': one content from the first piece to the end of the second."""
    text = '"The line will hold," Syrskyi said, "because the reserves have arrived."'
    claims, _ = parse(text, SYRSKYI)

    assert [text[1:-1]] == [content(text, c) for c in claims]


def test_question_after_asked_is_a_content_with_no_source() -> None:
    """'Asked why …, X said …' and 'When asked about …': the question is a content; what follows is X's."""
    text = "Asked why the brigade withdrew, Syrskyi said the flank had collapsed. When asked about losses, he declined."
    claims, names = parse(text, SYRSKYI)

    assert ("why the brigade withdrew", None) in [(content(text, c), c.source_text) for c in claims]
    assert ("losses", None) in [(content(text, c), c.source_text) for c in claims]
    assert ("the flank had collapsed", "Oleksandr Syrskyi") in [
        (content(text, c), names.get(c.source or "")) for c in claims
    ]


CLAUSES = [
    pytest.param(
        "Syrskyi is stressing that the reserves will arrive.",
        ("is stressing", "the reserves will arrive"),
        id="progressive",
    ),
    pytest.param(
        "Noting that the bridge was down, Syrskyi ordered a retreat.",
        ("Noting", "the bridge was down"),
        id="opening-participle",
    ),
    pytest.param("Kyiv Will Hold The Line, Syrskyi Says.", ("Says", "Kyiv Will Hold The Line"), id="headline"),
    pytest.param(
        "The town has had no running water since the shelling began, which the mayor calls a disaster, "
        "said Syrskyi, the commander of the army.",
        ("said", "The town has had no running water since the shelling began, which the mayor calls a disaster"),
        id="inverted-after-a-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_cue_layouts_with_the_subject_as_source(text: str, expected: tuple[str, str]) -> None:
    """Progressives, opening participle clauses, headline capitals and an inverted speaker after a long clause."""
    claims, names = parse(text, SYRSKYI)

    assert [(*expected, "Oleksandr Syrskyi")] == [
        (c.cue, content(text, c), names.get(c.source or "")) for c in claims[:1]
    ]


def test_content_stops_where_a_new_attributed_clause_starts() -> None:
    """'X said A, and they say B': two claims, the first ending before "and"."""
    text = "Syrskyi said the town had fallen, and his aides say the bridge is still standing."
    claims, _ = parse(text, SYRSKYI)

    assert [("said", "the town had fallen"), ("say", "the bridge is still standing")] == [
        (c.cue, content(text, c)) for c in claims
    ]


def test_adverbial_after_a_cue_is_no_content() -> None:
    """'reported from Moscow.', 'showed up at …', 'backed that up': no content follows the cue."""
    text = "Syrskyi reported from Kharkiv. Syrskyi showed up at the front. Syrskyi backed that up."
    claims, _ = parse(text, SYRSKYI)

    assert [] == [content(text, c) for c in claims]


def test_passive_with_a_by_agent_is_a_claim_of_the_agent_about_the_subject() -> None:
    """'The move was first reported by the BBC.': the BBC is the source, the subject the content."""
    text = "The move was first reported by the BBC. The plan was rejected by 64 percent of the voters in March."
    claims, names = parse(text, {"BBC": ("media", ["BBC"])})

    assert [
        ("was first reported", "The move", "BBC", "the BBC"),
        ("was rejected", "The plan", None, "64 percent of the voters"),
    ] == [(c.cue, content(text, c), names.get(c.source or ""), c.source_text) for c in claims]


def test_passive_needs_an_agent_that_names_someone() -> None:
    """'was reported by Tuesday', a passive with no by-agent: no claim."""
    text = "The move was reported by Tuesday. The town was shelled overnight."
    claims, _ = parse(text)

    assert [] == [(c.cue, content(text, c)) for c in claims]


def test_see_x_as_y_needs_its_as() -> None:
    """'Voters see the war as lost' is a view; 'we saw a town in ruins' is not."""
    text = "Many voters see the war as a lost cause. We saw a town in ruins."
    claims, _ = parse(text)

    assert [("see", "the war as a lost cause")] == [(c.cue, content(text, c)) for c in claims]


def test_participle_cue_after_a_comma_inside_a_quotation_mark() -> None:
    """'… the "king of debt," noting that …': the participle starts a claim of its own."""
    text = 'Syrskyi mocked Gerasimov for calling himself the "master of war," noting that the front had moved west.'
    claims, _ = parse(text, SYRSKYI)

    assert ("noting", "the front had moved west") in [(c.cue, content(text, c)) for c in claims]
    assert all(c.content.end <= text.index('," noting') for c in claims if c.cue == "mocked")


def test_relative_clause_content_ends_where_the_main_clause_resumes() -> None:
    """'Syrskyi, who said A, has argued B': A ends at the comma before 'has argued'."""
    text = "Syrskyi, who said the reserves had arrived, has argued that the line will hold."
    claims, _ = parse(text, SYRSKYI)

    # in text order of the whole claim: the outer one starts at "Syrskyi", the inner one at "who"
    assert [("has argued", "the line will hold"), ("said", "the reserves had arrived")] == [
        (c.cue, content(text, c)) for c in claims
    ]


def test_quotation_pieces_with_a_writers_sentence_between_are_two_claims() -> None:
    """'"A," he said. Writer's sentence. "B."' with no cue for B: B is not joined to A."""
    text = (
        '"The line will hold," Syrskyi said.\n\nThe town was quiet on Monday and the shops reopened. '
        'Officers were moving supplies. "We are not leaving."'
    )
    claims, _ = parse(text, SYRSKYI)

    assert "The line will hold" in [content(text, c) for c in claims]
    assert not any("Monday" in content(text, c) for c in claims)


def test_pieces_of_one_quotation_round_a_sentence_of_attribution_are_one_claim() -> None:
    """'"A," Syrskyi said on Monday. "B."': one claim from A to B."""
    text = '"The line will hold," Syrskyi said on Monday. "The reserves have arrived."'
    claims, _ = parse(text, SYRSKYI)

    assert [text[1 : text.rindex('"')]] == [content(text, c) for c in claims]


def test_according_to_after_an_opening_adverbial_attributes_the_clause_after_it() -> None:
    """'By March 13, according to the BBC, the brigade withdrew.': the clause after the source is the content."""
    text = "By March 13, according to the BBC, the brigade had withdrawn from Sudzha."
    claims, names = parse(text, {"BBC": ("media", ["BBC"])})

    assert [("according to", "BBC", "the brigade had withdrawn from Sudzha")] == [
        (c.cue, names.get(c.source or ""), content(text, c)) for c in claims
    ]


def test_a_claim_told_inside_another_is_the_next_link_of_its_chain() -> None:
    """ "X said that Y claimed Z" is one claim of X whose chain runs X, then Y."""
    text = "Ukrainian officials said that Russia claimed it had captured Sudzha."
    report = cn.parse(text, published="2025-03-16")
    names = {a.id: a.name for a in report.actors}
    (claim,) = report.claims
    assert "Ukrainian officials" == names[claim.source]
    assert ["Ukrainian officials", "Russia"] == [names[i] for i in claim.chain]


def test_claims_come_in_text_order_of_their_whole_span() -> None:
    """A claim whose cue precedes its content sorts by where it starts, not where its content starts."""
    text = (
        "On 3 May 2021, army units and allies (coded as Local Militia) reportedly responded to shelling "
        "of rebel forces in the Kivu front (Beni, North Kivu), killing and injuring a number of fighters."
    )
    report = cn.parse(text)
    starts = [c.span.start for c in report.claims]

    assert len(starts) >= 2
    assert sorted(starts) == starts
    assert [f"c{i}" for i in range(1, len(starts) + 1)] == [c.id for c in report.claims]


def test_a_participle_after_an_attribution_is_the_speakers() -> None:
    """'…, the network said, blaming the RSF': the content stops before the attribution; the network blames."""
    text = "Drone strikes killed 12 people on Wednesday, the Sudan Doctors Network said, blaming the RSF."
    report = cn.parse(text)
    found = [(c.cue, c.source_text, text[c.content.start : c.content.end]) for c in report.claims]

    assert [
        ("said", "the Sudan Doctors Network", "Drone strikes killed 12 people on Wednesday"),
        ("blaming", "the Sudan Doctors Network", "the RSF"),
    ] == found


def test_a_dateline_is_not_part_of_the_speaker() -> None:
    """'KHARTOUM, Nov 20 (Reuters) - Sudan's army said …': the speaker starts after the dateline's dash."""
    text = "KHARTOUM, Nov 20 (Reuters) - Sudan's army said it had recaptured the town."
    (c,) = cn.parse(text).claims

    assert "Sudan's army" == c.source_text


@pytest.mark.parametrize(
    "text",
    [
        "Taliban militants attacked a police post, killing 4 policemen.",
        "Russian drones blasted the substation overnight.",
        "Artillery hammered the town for a third day.",
        "A woman was found dead in the village on Monday.",
        "The commander ordered the evacuation of the town.",
    ],
)
def test_acts_of_war_are_not_claims(text: str) -> None:
    """In conflict news "attacked", "blasted", "hammered", "found dead", "ordered" tell what happened, not speech."""
    assert [] == [c.cue for c in cn.parse(text).claims]


def test_a_finding_with_that_is_still_a_claim() -> None:
    """'found that …' and 'ordered that …' keep their content: only the bare verbs are no cue."""
    text = "The investigation found that the shells were fired from the north."
    (c,) = cn.parse(text).claims

    assert ("found", "the shells were fired from the north") == (c.cue, text[c.content.start : c.content.end])


def test_an_accusation_the_accused_denies_disputes_the_claim_before_it() -> None:
    """'…, an accusation Hamas denies': Hamas disputes the accusation; the denial is no claim of its own."""
    text = (
        "The army said it had struck a command center inside the school and accused Hamas of using civilians "
        "as human shields, an accusation Hamas denies."
    )
    report = cn.parse(text)
    names = {a.id: a.name for a in report.actors}
    found = [(c.cue, text[c.content.start : c.content.end], [names[x] for x in c.disputed_by]) for c in report.claims]

    assert ("accused", "Hamas of using civilians as human shields", ["Hamas"]) in found
    assert "denies" not in [cue for cue, _, _ in found]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Ukrainian soldiers who fought in Russia's Kursk region described the retreat as chaotic.",
            "Ukrainian soldiers",
            "the retreat as chaotic",
        ),
        ("Officials who spoke on condition of anonymity said the town fell.", "Officials", "the town fell"),
    ],
)
def test_the_speaker_stands_before_its_relative_clause(text: str, source: str, content: str) -> None:
    """'X who fought in Kursk described …': X speaks; "spoke on condition of anonymity" is no claim of its own."""
    found = [(c.source_text, text[c.content.start : c.content.end]) for c in cn.parse(text).claims]

    assert [(source, content)] == found


def test_a_second_clause_with_its_own_speaker_ends_the_first_claim() -> None:
    """'Kyiv has not confirmed the figures, and military analysts … said the Russian claims appeared exaggerated'."""
    text = (
        "Kyiv has not confirmed the figures, and military analysts at the Institute for the Study of War "
        "said the Russian claims appeared exaggerated."
    )
    found = [(c.cue, text[c.content.start : c.content.end]) for c in cn.parse(text).claims]

    assert [
        ("has not confirmed", "the figures"),
        ("said", "the Russian claims appeared exaggerated"),
    ] == found


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Kyiv has not confirmed the figures.", Stance.HEDGED),
        ("The army didn't say it had lost the town.", Stance.HEDGED),
        ("Kyiv confirmed the figures.", Stance.ASSERTED),
    ],
)
def test_a_negated_cue_does_not_assert(text: str, stance: Stance) -> None:
    """'has not confirmed X': X is unconfirmed, so the claim is hedged, not asserted."""
    (c,) = cn.parse(text).claims

    assert stance is c.stance


def test_with_one_stating_starts_a_claim_of_its_own() -> None:
    """'… as "catastrophic", with one stating: "…"': the first claim ends before "with one stating"."""
    text = 'Soldiers described the final days as "catastrophic", with one stating: "We were surrounded."'
    found = [(c.cue, text[c.content.start : c.content.end]) for c in cn.parse(text).claims]

    assert [("described", 'the final days as "catastrophic"'), ("stating", "We were surrounded.")] == found
