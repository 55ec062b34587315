"""The events parser: ACLED and PLOVER coding, arguments, modality, fatalities, as a user sees them."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews.parsers import events as events_module
from conflictnews.parsers.events import EventParser

PUB = "2025-03-16"


def acled(report: cn.Report) -> list[tuple[str, str]]:
    return [(e.acled.event_type, e.acled.sub_event_type) for e in report.events if e.acled]


def first(report: cn.Report) -> cn.Event:
    return next(e for e in report.events if e.acled)


def names(report: cn.Report, ids: tuple[str, ...]) -> list[str]:
    return [report.get(i).name for i in ids]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 9 May 2020, Russian forces shelled Kharkiv.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "On 9 May 2020, the NAF rebel forces fired 82mm mortars at the governmental positions near Vodyane.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "On 8 May 2020, Israeli airstrikes targeted positions near Daraa.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "On 7 May 2020, an IED exploded near a convoy in Afgooye.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        ("On 5 May 2020, Taliban militants clashed with Afghan forces in Logar.", ("Battles", "Armed clash")),
        (
            "On 6 May 2020, unidentified gunmen abducted 4 people in Rafi.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("On 5 May 2020, gunmen shot dead a taxi driver in Ilorin.", ("Violence against civilians", "Attack")),
        (
            "On 2 May 2020, about 200 teachers protested in Athens, demanding higher wages.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 1 May 2020, residents held a protest in Erkech. The police dispersed the protest.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "On 3 May 2020, residents took to the streets of Aden. Rioters blocked streets with burning tires.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 5 May 2020, police recovered and defused two bombs in Kaimur.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Property destruction: On 4 May 2020, unknown men set fire to a factory in Istanbul.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "Movement of forces: On 4 May 2020, Turkish and Russian forces conducted a joint patrol near Hasakah.",
            ("Strategic developments", "Change to group/activity"),
        ),
    ],
    ids=[
        "shelled",
        "fired-mortars",
        "airstrike",
        "ied",
        "clash",
        "abduction",
        "vac-attack",
        "protest",
        "protest-intervention",
        "riot",
        "disrupted",
        "label-property",
        "label-movement",
    ],
)
def test_main_event_type(text: str, expected: tuple[str, str]) -> None:
    """The first ACLED event of a coder-style note has the ACLED type and sub-type a coder would give."""
    assert expected == acled(cn.parse(text, published=PUB))[0]


def test_arguments_location_and_time_are_linked() -> None:
    """Agents, location and time point at the items the other parsers found."""
    r = cn.parse("On March 13, Russian troops shelled Sudzha.", published=PUB)
    e = first(r)
    assert ["Russian forces"] == names(r, e.agents)
    assert "Sudzha" == r.get(e.location).name
    assert "2025-03-13" == r.get(e.time).start.isoformat()
    assert e.precision.date_stated
    assert (1, 1) == (e.precision.acled_time, e.precision.acled_geo)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Police beat a journalist in Lahore.", (1, 7, 17)),  # the victim is no actor: civilians all the same
        ("Soldiers killed three civilians in Gao.", (1, 7, 17)),
        ("Soldiers clashed with rebels in Gao.", (1, 2, 12)),
    ],
)
def test_acled_inter_codes(text: str, codes: tuple[int, int, int]) -> None:
    """inter1/inter2 follow the first agent and target; violence against civilians always has inter2 7 (civilians)."""
    coding = first(cn.parse(text, published=PUB)).acled
    assert coding is not None
    assert codes == (coding.inter1, coding.inter2, coding.interaction)


def test_no_time_means_no_date_not_the_publication_date() -> None:
    """Without a date in the text the event has none, and says so."""
    e = first(cn.parse("Russian troops shelled Sudzha.", published=PUB))
    assert e.time is None
    assert not e.precision.date_stated


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("On 28 April 2020, police chased a car in Niteroi. A shoot-out broke out.", "shoot-out", "2020-04-28"),
        ("On 8 May 2020, police raided a house in Kano. A man was arrested.", "arrested", "2020-05-08"),
        # told in the perfect: out of the narrative
        ("On 3 May 2020, gunmen killed a man in Kano. The gang had attacked the town before.", "attacked", None),
        # no day opens the paragraph
        ("Last month, police raided a house in Kano. A man was arrested.", "arrested", None),
        ("Police raided a house in Kano on 8 May 2020. A man was arrested.", "arrested", None),
    ],
    ids=["shoot-out", "arrest", "perfect", "month", "not-opening"],
)
def test_a_day_opening_the_paragraph_dates_the_events_told_after_it(text: str, trigger: str, date: str | None) -> None:
    """ "On 28 April 2020, …. A shoot-out broke out.": the narrative's day, never the publication date."""
    report = cn.parse(text, published=PUB)
    event = next(e for e in report.events if e.text == trigger)
    time = report.get(event.time) if event.time else None
    assert date == (time.start.isoformat() if time is not None else None)


def test_fatalities_come_from_killed_counts() -> None:
    e = first(
        cn.parse("On 5 May 2020, gunmen attacked a village in Borno, killing at least 12 civilians.", published=PUB)
    )
    assert e.fatalities is not None
    assert 12 == e.fatalities.best


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # the victims of an attack on civilians, told next
        ("Armed men shot three men in Chimaltenango. One victim was killed and two were injured.", 1),
        # a killing among the same sides
        ("LNA forces repelled an attack by GNA forces in Tripoli. Seven GNA soldiers were reportedly killed.", 7),
        # the act named again with "the"
        ("Somali forces clashed with al-Shabaab fighters near Baidoa. Two militants were killed in the clash.", 2),
        # more dead told with the act add up
        (
            "10 Taliban militants were killed when Afghan forces repulsed their attacks in Logar. "
            "Also 3 soldiers were killed.",
            13,
        ),
        # the deaths a shelling caused, told as a killing of the side it hit
        ("LNA forces shelled GNA positions in Misrata. Ten GNA soldiers were reportedly killed.", 10),
        # the same victim told again ("killed him") is no second death
        (
            "Al Shabaab militants shot and killed a soldier near Baidoa. "
            "The victim was heading to his post when Al Shabaab fighters ambushed and killed him.",
            1,
        ),
        # a side's claim does not add to the toll
        (
            "Turkish forces clashed with PKK militants in Agri, killing 3. "
            "The PKK claimed that 15 soldiers were killed in the clash.",
            3,
        ),
    ],
    ids=["attack", "same-sides", "the-clash", "more-dead", "shelling-toll", "victim-again", "claim"],
)
def test_the_toll_told_after_an_act_is_its_toll(text: str, deaths: int) -> None:
    """Deaths told in the next sentences of the paragraph are the act's toll, not events of their own."""
    events = [e for e in cn.parse(text, published=PUB).events if e.acled]
    assert 1 == len(events)
    assert events[0].fatalities is not None
    assert deaths == events[0].fatalities.best
    assert 2 == len(events[0].mentions)


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May, soldiers clashed with rebels in Gao. On 5 May, soldiers clashed with rebels in Gao, killing 4.",
        "Gunmen attacked a village in Borno. Soldiers killed three gunmen.",
    ],
    ids=["another-date", "another-side"],
)
def test_an_act_at_another_date_or_by_another_side_is_an_event_of_its_own(text: str) -> None:
    assert 2 == len([e for e in cn.parse(text, published=PUB).events if e.acled])


def test_a_toll_restated_as_a_bare_count_is_counted_once() -> None:
    """ "One soldier was killed … [1 fatality]": the victims and the toll that restates them are one death."""
    e = first(
        cn.parse("Gunmen attacked a checkpoint near Gao, and one soldier was killed [1 fatality].", published=PUB)
    )
    assert e.fatalities is not None
    assert 1 == e.fatalities.best


def test_fatalities_stated_in_a_later_sentence_join_the_event() -> None:
    """ACLED-style "1 fatality." after the event sentence counts for it."""
    e = first(
        cn.parse("On 5 May 2020, in Siguatepeque, armed men broke into a store and shot dead the owner. 1 fatality.")
    )
    assert e.fatalities is not None
    assert 1 == e.fatalities.best


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "Ukrainian officials reported allegations of executions of Ukrainian prisoners of war by Russian forces.",
            "alleged",
        ),
        ("Russian forces reportedly shelled Sumy.", "reported"),
        ("Russian forces did not shell Sumy.", "negated"),
    ],
    ids=["alleged", "reported", "negated"],
)
def test_modality(text: str, modality: str) -> None:
    assert modality == first(cn.parse(text, published=PUB)).modality


def test_plover_consult_has_both_sides_as_agents() -> None:
    r = cn.parse(
        "U.S. Secretary of State Marco Rubio held talks with Russian Foreign Minister Sergei Lavrov.", published=PUB
    )
    consult = [e for e in r.events if e.plover and e.plover.event_type == "CONSULT"]
    assert consult
    assert {"Marco Rubio", "Sergei Lavrov"} <= set(names(r, consult[0].agents))


@pytest.mark.parametrize(
    ("text", "trigger", "agents"),
    [
        # a name that modifies a noun after "a" is no agent
        (
            "The Israeli military said it had struck a Hamas command center and accused the group of lying.",
            "accused",
            ["Israeli forces"],
        ),
        # but the name after "by a" is
        ("Two policemen were killed by a Taliban-planted landmine in Kandahar.", "landmine", ["Taliban"]),
    ],
)
def test_a_name_used_as_a_modifier_is_no_agent(text: str, trigger: str, agents: list[str]) -> None:
    report = cn.parse(text, published=PUB)
    event = next(e for e in report.events if e.text == trigger)
    assert agents == names(report, event.agents)


@pytest.mark.parametrize(
    ("text", "agents", "targets"),
    [
        (
            "LNA forces repelled an attack by GNA forces in Tripoli.",
            ["Government of National Accord forces"],
            ["Libyan National Army"],
        ),
        ("Iraqi forces repelled an IS attack near Kirkuk.", ["Islamic State"], ["Iraqi forces"]),
    ],
    ids=["attack-by", "name-before"],
)
def test_who_attacked_began_a_repelled_fight(text: str, agents: list[str], targets: list[str]) -> None:
    """ "X repelled an attack by Y": Y attacked (actor1), X held (actor2), as ACLED codes it."""
    report = cn.parse(text, published=PUB)
    e = first(report)
    assert (agents, targets) == (names(report, e.agents), names(report, e.targets))


def test_political_act_needs_an_actor() -> None:
    """A cue word with nobody acting ("talks stalled") is not a PLOVER event."""
    r = cn.parse("The talks stalled again.", published=PUB)
    assert [] == [e for e in r.events if e.plover and not e.acled]


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Kyiv was mild and the markets were open.",
        # a truce still being negotiated is no agreement
        "Qatari mediators were working to bridge gaps between Israel and Hamas over a proposed 60-day truce.",
    ],
    ids=["weather", "proposed-truce"],
)
def test_neutral_text_has_no_events(text: str) -> None:
    assert () == cn.parse(text, published=PUB).events


def test_same_event_mentioned_twice_is_merged() -> None:
    """Same type, place and date in two sentences: one event with two mentions."""
    text = "On March 13, Russian forces shelled Sudzha. On March 13, Russian forces shelled Sudzha again."
    shelling = [e for e in cn.parse(text, published=PUB).events if e.acled]
    assert 1 == len(shelling)
    assert 2 == len(shelling[0].mentions)


def test_seed_article_events(seed_report: cn.Report) -> None:
    """The reference article's headline events are there with their arguments."""
    by_type = {(e.acled.event_type, e.acled.sub_event_type) for e in seed_report.events if e.acled}
    assert {
        ("Battles", "Armed clash"),
        ("Battles", "Government regains territory"),
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Strategic developments", "Disrupted weapons use"),
        ("Violence against civilians", "Attack"),
    } <= by_type
    regain = next(
        e
        for e in seed_report.events
        if e.acled
        and e.acled.sub_event_type == "Government regains territory"
        and e.location
        and seed_report.get(e.location).name == "Sudzha"
    )
    assert "claimed" == regain.modality
    assert "2025-03-13" == seed_report.get(regain.time).start.isoformat()


def test_custom_trigger_lexicon_is_data() -> None:
    """A user can pass their own trigger rows: one line of data adds a trigger."""
    parser = EventParser(triggers=[("torched", "looting", "6")])
    r = cn.Pipeline([*[p for p in cn.Pipeline.default().parsers if p.name != "events"], parser]).parse(
        "Militiamen torched a market in Beni."
    )
    assert [("Strategic developments", "Looting/property destruction")] == acled(r)


@given(st.text(max_size=300))
def test_events_never_raise_and_refer_to_existing_items(text: str) -> None:
    """Any text: no exception, spans inside, every reference points at an item of the report."""
    r = cn.parse(text, published=PUB)
    ids = {i.id for i in r.items()}
    for e in r.events:
        assert 0 <= e.trigger.start <= e.trigger.end <= len(text)
        assert text[e.trigger.start : e.trigger.end] == e.text
        for ref in (*e.agents, *e.targets, e.location, e.time, e.claim):
            assert ref is None or ref in ids


@given(
    st.sampled_from(["Russian forces shelled Sudzha on March 13.", "Protesters burned tires in Aden."]),
    st.text(alphabet=" abc.\n", max_size=20),
)
def test_prefix_shifts_event_spans(sentence: str, prefix: str) -> None:
    """Neutral text before a sentence moves every event span by its length, nothing else."""
    base = cn.parse(sentence, published=PUB).events
    prefix += "\n\n"  # its own paragraph, so it cannot glue onto the sentence's first word
    shifted = cn.parse(prefix + sentence, published=PUB).events
    n = len(prefix)
    assert [(e.trigger.start + n, e.acled) for e in base] == [(e.trigger.start, e.acled) for e in shifted]


def test_fatalities_keep_ucdp_bounds_and_sides() -> None:
    """A vague count keeps its range (best = its lower bound), and deaths are split by side where stated."""
    e = first(cn.parse("At least 12 Russian soldiers were killed and 3 Ukrainian soldiers died near Kupiansk."))
    assert e.fatalities is not None
    assert 15 == e.fatalities.best
    assert [12, 3] == sorted((n for _, n in e.fatalities.by_side), reverse=True)


def test_acled_counting_rules_are_an_option() -> None:
    """With fatality_rules="acled", "dozens" counts as 12 (ACLED's rule); by default it keeps its range."""
    text = "Gunmen killed dozens of villagers in Borno."
    default = first(cn.parse(text))
    acled_rules = cn.Pipeline(
        [*(p for p in cn.Pipeline.default().parsers if p.name != "events"), EventParser(fatality_rules="acled")]
    )
    assert default.fatalities is not None
    assert default.fatalities.high > default.fatalities.low
    ev = first(acled_rules.parse(text))
    assert ev.fatalities is not None
    assert 12 == ev.fatalities.best


def test_unknown_fatality_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="fatality_rules"):
        EventParser(fatality_rules="guess")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 May 2021, villagers attacked two police officers who tried to enforce the curfew in Sitapur.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 3 May 2021, a clash erupted between police and shopkeepers in Multan after the market was closed.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 2 June 2021, hundreds of students demonstrated in Lome against fee increases. "
            "The demonstrators later threw stones at the police station.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 June 2021, taxi drivers barricaded the main road in Bouake to protest against fuel prices.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 4 June 2021, police fired live rounds at demonstrators who burned tires and threw stones in Bamako.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 June 2021, residents protested in Rosario against the release of prisoners. "
            "Similar protests followed the prison riots of last month.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 5 June 2021, about 50 taxi owners did a motorcade in Recife to demand financial aid.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 10 June 2021, families whose sons were kidnapped by the militia held a sit-in protest "
            "in front of the governor's office in Sabha.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 6 June 2021, federal police seized two tons of cocaine in a truck near Cuiaba. Two men were arrested.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 4 June 2021, unknown men threw Molotov cocktails at a shop in Veracruz. No injuries were reported.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 4 June 2021, Al Shabaab militants delivered food packages to families in Jilib.",
            ("Strategic developments", "Change to group/activity"),
        ),
        ("On 6 June 2021, soldiers killed four militants and seized weapons near Gao.", ("Battles", "Armed clash")),
        (
            "On 8 June 2021, militants threw a hand grenade at a police checkpoint in Mogadishu. "
            "The police reacted with gunfire.",
            ("Battles", "Armed clash"),
        ),
        ("On 3 June 2021, a gang member was shot dead by rival gang members in Recife.", ("Battles", "Armed clash")),
        (
            "On 7 June 2021, the air force targeted rebel positions near Sirte.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "On 9 June 2021, gunmen shot dead an off-duty police officer in Celaya.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 3 June 2021, gunmen believed to belong to IS shot dead a shepherd near Raqqa.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 4 June 2021, unknown assailants assassinated a local councillor in Kaduna.",
            ("Violence against civilians", "Attack"),
        ),
    ],
    ids=[
        "crowd-attacks-police",
        "crowd-clashes-with-police",
        "protest-turns-violent-later",
        "barricades",
        "force-against-violent-crowd",
        "riot-as-background-word",
        "motorcade",
        "protest-against-kidnapping",
        "seizure",
        "molotov-on-property",
        "armed-group-hands-out-food",
        "violence-before-seizure",
        "grenade-answered-with-gunfire",
        "gang-member-target",
        "air-force-targeted",
        "off-duty-is-civilian",
        "IS-is-no-auxiliary",
        "assassinated",
    ],
)
def test_main_event_type_acled_codebook_rules(text: str, expected: tuple[str, str]) -> None:
    """Codebook distinctions: crowds riot, armed groups fight, seizures are strategic, grievances are not events."""
    assert expected == acled(cn.parse(text, published=PUB))[0]


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister launched a mediation effort between the two countries.",
        "The president arrived in Amman on a visit on Wednesday.",
    ],
)
def test_no_conflict_event_without_weapon_or_armed_actor(text: str) -> None:
    """'Launched' is an attack only with a weapon named; an arrival is a troop movement only for armed actors."""
    assert acled(cn.parse(text, published=PUB)) == []


def test_protest_agent_is_the_crowd_not_the_police() -> None:
    """ "Police dispersed a sit-in held by nurses": the protest's agent is the crowd, the police its target."""
    r = cn.parse("On 3 May 2024, the Kenyan police dispersed a sit-in held by nurses in Nairobi, Kenya.", published=PUB)
    ev = first(r)
    assert "Protests" == ev.acled.event_type
    assert ev.agents
    assert "protesters" == r.get(ev.agents[0]).kind.value
    assert "state_forces" in {r.get(t).kind.value for t in ev.targets}


def test_who_attacked_is_the_agent_of_a_repelled_attack() -> None:
    r = cn.parse("On 3 May 2024, Iraqi forces repelled an IS attack near Kirkuk, Iraq.", published=PUB)
    ev = first(r)
    assert "Battles" == ev.acled.event_type
    assert ["Islamic State"] == names(r, ev.agents)
    assert "Iraqi forces" in names(r, ev.targets)


def test_a_name_before_an_attack_noun_is_its_doer() -> None:
    r = cn.parse("On 3 May 2024, two soldiers were killed in a Taliban ambush in Kunduz, Afghanistan.", published=PUB)
    assert ["Taliban"] == names(r, first(r).agents)


def test_burning_objects_make_a_riot() -> None:
    r = cn.parse("On 3 May 2024, residents blocked a road with burning objects in Salta, Argentina.", published=PUB)
    assert ("Riots", "Violent demonstration") == acled(r)[0]


def test_exchange_of_fire_names_the_state_side_first() -> None:
    """A reciprocal fight ("exchanged fire with") has no attacker: the state's forces come first, as ACLED codes it."""
    r = cn.parse("On 3 May 2024, armed men exchanged fire with military police in Recife, Brazil.", published=PUB)
    ev = first(r)
    assert "Armed clash" == ev.acled.sub_event_type
    assert "state_forces" == r.get(ev.agents[0]).kind.value
    assert "political_militia" in {r.get(t).kind.value for t in ev.targets}


def test_by_after_the_object_names_no_agent() -> None:
    """ "attacked a checkpoint manned by soldiers": the soldiers man the checkpoint; the attackers stay the agents."""
    r = cn.parse(
        "On 3 May 2024, Al Shabaab militants attacked a checkpoint manned by Somali soldiers near Afgoye, Somalia.",
        published=PUB,
    )
    ev = first(r)
    assert "rebel_group" == r.get(ev.agents[0]).kind.value
    assert "state_forces" in {r.get(t).kind.value for t in ev.targets}


# -- document-level indexes give what the per-sentence scans gave ------------------------------------------------

_PIECES = st.sampled_from(
    ["\n", "\n\n", " ", "\t", ":", " : ", ";", ",", ", which", ", as", " as ", " \u2014 ", "\u2013", "Attack",
     "Arrests", "Property destruction", "shelling", "but", "While", ".", "soldiers", "\u00a0", "\r\n",
     ", a\u017f", ", as-is", ", asked", ",which", ", AMID", "'s", "-"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_labels_found_at_line_starts_match_a_multiline_scan(text: str) -> None:
    from conflictnews._analysis import Analysis
    from conflictnews._phrases import PhraseMatcher

    parser = EventParser()
    parser._trigger_matcher = PhraseMatcher([])  # labels only
    found = [(t.start, t.end) for t in parser._triggers(Analysis(text))]
    assert found == [(m.start(1), m.end(1)) for m in parser._label_re.finditer(text)]


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_clauses_from_document_indexes_match_per_sentence_scans(text: str) -> None:
    from conflictnews._analysis import Analysis
    from conflictnews.parsers.events import _CLAUSE_MARKS, _CLAUSE_WORDS, _clauses

    an = Analysis(text)
    words = an.indices_of(_CLAUSE_WORDS)
    marks = an.offsets(_CLAUSE_MARKS)
    assert marks == [i for i, ch in enumerate(text) if ch in _CLAUSE_MARKS]
    for start, end in an.sentences or [(0, len(text))]:
        assert _clauses(an, start, end, words, marks) == _clauses(an, start, end)


def test_clauses_split_at_marks_and_conjunctions() -> None:
    from conflictnews._analysis import Analysis
    from conflictnews.parsers.events import _CLAUSE_MARKS, _CLAUSE_WORDS, _clauses

    text = "Troops shelled the town; militants fired back, which killed two \u2014 as police watched."
    an = Analysis(text)
    words = an.indices_of(_CLAUSE_WORDS)
    marks = an.offsets(_CLAUSE_MARKS)
    got = [text[s:e].strip() for s, e in _clauses(an, 0, len(text), words, marks)]
    assert got == ["Troops shelled the town", "militants fired back", "which killed two", "as police watched."]


def _naive_phrases(entries: list[tuple[str, int]], text: str, overlapping: bool) -> list[tuple[int, int, int]]:
    """PhraseMatcher's contract, spelled out: the longest phrase at each word, left to right."""
    from conflictnews._analysis import Analysis
    from conflictnews._phrases import phrase_key

    table: dict[tuple[str, ...], int] = {}
    for phrase, value in entries:
        table.setdefault(phrase_key(phrase), value)
    an = Analysis(text)
    words, starts, ends = an.tok_lower, an.tok_starts, an.tok_ends
    out = []
    i = 0
    while i < len(words):
        for j in range(len(words) - i, 0, -1):
            key = tuple(words[i : i + j])
            gaps_ok = all(not text[ends[k] : starts[k + 1]].strip() for k in range(i, i + j - 1))
            if key in table and gaps_ok:
                out.append((starts[i], ends[i + j - 1], table[key]))
                i += 1 if overlapping else j
                break
        else:
            i += 1
    return out


@given(
    st.lists(st.sampled_from(["air", "strike", "air strike", "air strike group", "strike back", "group"]), max_size=6),
    st.lists(st.sampled_from(["air", "strike", "group", "back", "Air", "air strike", ", air", ".", "\n"]), max_size=12),
    st.booleans(),
)
@example(["air strike", "strike"], ["air", "strike"], False)
@example(["air strike group", "air", "strike back"], ["air", "strike", "back", "air strike", "group"], True)
def test_phrase_matcher_finds_the_longest_phrase_at_each_word(
    phrases: list[str], pieces: list[str], overlapping: bool
) -> None:
    from conflictnews._analysis import Analysis
    from conflictnews._phrases import PhraseMatcher

    entries = [(p, n) for n, p in enumerate(phrases)]
    text = " ".join(pieces)
    found = list(PhraseMatcher(entries).finditer(Analysis(text), overlapping=overlapping))
    assert found == _naive_phrases(entries, text, overlapping)


def test_a_trigger_word_inside_a_groups_name_is_no_event() -> None:
    """'the Rapid Support Forces', 'the Saudi-led coalition': Support and coalition name the group, they tell no act."""
    text = "The army recaptured two towns from the paramilitary Rapid Support Forces (RSF)."
    triggers = [text[e.trigger.start : e.trigger.end] for e in cn.parse(text).events]

    assert ["recaptured"] == triggers


def test_one_persons_demand_is_no_crowds_protest() -> None:
    """A president who, among civilians, urged partners to act: a request, not a crowd's protest."""
    text = "President Volodymyr Zelensky, visiting wounded civilians, urged Western partners to deliver air defences."
    found = [
        (e.acled.event_type if e.acled else None, e.plover.event_type if e.plover else None)
        for e in cn.parse(text).events
    ]

    assert ("Protests", "PROTEST") not in found
    assert any(plover == "REQUEST" for _, plover in found)


def _coded(text: str) -> list[tuple[str | None, list[str]]]:
    report = cn.parse(text)
    names = {a.id: a.name for a in report.actors}
    return [(e.acled.sub_event_type if e.acled else None, [names[x] for x in e.agents]) for e in report.events]


def test_the_subject_after_that_is_the_agent() -> None:
    """'claimed that Russian troops had captured …': "that" does not end in "at", the troops are no object."""
    found = _coded(
        "The ministry claimed that Russian troops had captured the village of Pishchane in the Kharkiv region."
    )

    assert [("Non-state actor overtakes territory", ["Russian forces"])] == found


def test_fighters_captured_are_a_fight_not_territory() -> None:
    """'regime forces captured 2 rebels': ACLED codes the capture of fighters as an armed clash."""
    assert [("Armed clash", ["Syrian forces"])] == _coded("Syrian forces captured 2 rebels on the Idlib front.")


def test_a_state_regains_only_its_own_land() -> None:
    """Russian forces taking a Russian town regain it; a Ukrainian village they take is overtaken."""
    assert [("Government regains territory", ["Russian forces"])] == _coded(
        "Russian forces recaptured Sudzha in the Kursk region."
    )


def test_the_side_named_with_its_weapon_is_the_agent() -> None:
    """'Ukrainian drones attacked an oil depot': the trigger lies inside the actor's mention, which acts."""
    assert [("Air/drone strike", ["Ukrainian forces"])] == _coded("Ukrainian drones attacked an oil depot in Russia.")


def test_a_town_seized_in_a_relative_clause_is_territory_and_fighters_captured_are_not() -> None:
    """'El Fasher, which the RSF seized': the town was taken; 'fighters had been killed or captured': no land."""
    text = "In El Fasher, which the RSF seized in late October, witnesses reported killings."
    assert [("Non-state actor overtakes territory", ["Rapid Support Forces"])] == _coded(text)
    text = "More than 300 RSF fighters had been killed or captured since Monday."
    assert [("Armed clash", [])] == _coded(text)


def test_a_names_participle_compound_is_no_event() -> None:
    """'the U.S.-backed foundation': "backed" qualifies the foundation, nobody backs anybody here."""
    text = "Israeli troops fired on a crowd heading to a site run by the U.S.-backed Gaza Humanitarian Foundation."
    assert "SUPPORT" not in [e.plover.event_type for e in cn.parse(text).events if e.plover]


_PASSIVE_PARTS = ["was", "Was", "were", "is", "this", "being", "got", "quickly", "x-was", "  ", " ", "\n", ",", "shot"]


@given(st.lists(st.sampled_from(_PASSIVE_PARTS), max_size=10))
@example(["this", " ", "shot"])
@example(["x-was", "\n", "shot"])
def test_passive_before_matches_the_pattern_search(parts: list[str]) -> None:
    """The auxiliary before a trigger, tested on the word before it first, is what the pattern's search finds."""
    from conflictnews.parsers import Context
    from conflictnews.parsers.events import _PASSIVE, _DocIndex

    text = "".join(parts)
    doc = _DocIndex(Context(cn.Document(text=text)), EventParser())
    for start in range(len(text) + 1):
        for lo in (0, max(0, start - 24), max(0, start - 4)):
            assert doc.passive_before(lo, start) == (_PASSIVE.search(text, lo, start) is not None)


_BY_PIECES = ["by", "BY", "b", "y", "between", "BETWEEN", "betw", " ", "the", ".", ";", "\u00e9", "x" * 20]


@given(st.lists(st.sampled_from(_BY_PIECES), max_size=12).map("".join))
@example("x" * 39 + " by the ")
def test_by_agent_and_between_match_their_patterns(text: str) -> None:
    """The word tests before the "by" and "between" patterns never drop one of their matches."""
    from conflictnews.parsers.events import _BETWEEN, _BY_AGENT, _between, _by_agent

    for start in range(len(text) + 1):
        for end in (len(text), min(len(text), start + 12)):
            got, want = _by_agent(text, start, end), _BY_AGENT.match(text, start, end)
            assert (got and got.span()) == (want and want.span())
            assert _between(text, start, end) == (_BETWEEN.search(text, start, end) is not None)


def test_labels_after_spaces_and_in_any_case_are_found() -> None:
    """The first-character test before the label pattern keeps indented, upper-case and folded labels."""
    from conflictnews._analysis import Analysis

    parser = EventParser(labels=[("attack", "violence"), ("\u017fpecial", "violence")])
    assert {"a", "s", "\u017f"} <= parser._label_firsts  # "Special" may match the long s under case folding
    text = "x\n \tATTACK: one\nAttack : two\nOther: three"
    found = [text[t.start : t.end] for t in parser._triggers(Analysis(text)) if t.strength == 10]
    assert found == ["ATTACK", "Attack"]


def test_an_adverb_between_auxiliary_and_participle_keeps_the_passive() -> None:
    """'Ten soldiers were reportedly killed': the soldiers suffered it; 'is resolutely refusing' is no passive."""
    report = cn.parse("Ten Libyan soldiers were reportedly killed by LNA forces near Misrata.")
    names = {a.id: a.name for a in report.actors}
    (e,) = [e for e in report.events if e.acled]

    assert ["Libyan forces"] == [names[x] for x in e.targets]


def test_a_label_matched_only_through_case_folding_is_ignored() -> None:
    """'Arreſts:' matches the label pattern through case folding but is no label: no crash, no event."""
    report = cn.Pipeline.default(strict=True).parse("Arre\u017fts: three men were held.")

    assert () == report.warnings


def test_civilians_suffer_a_clash_they_do_not_fight_it() -> None:
    """'Two civilians were injured after militiamen opened fire': the militia acts, the civilians are hit."""
    report = cn.parse("Two civilians were injured after armed militiamen and soldiers clashed in Galkayo.")
    clashes = [e for e in report.events if e.acled and e.acled.sub_event_type == "Armed clash"]
    kinds = {a.id: a.kind for a in report.actors}

    assert clashes
    assert all(kinds[a] is not cn.ActorKind.CIVILIANS for e in clashes for a in e.agents)


def test_arrests_at_a_demonstration_are_part_of_it() -> None:
    """ACLED codes arrests at a protest as the protest's intervention, not as Arrests of their own."""
    text = "On 3 May 2020, hundreds of teachers protested in Lagos over unpaid wages. Police arrested 12 of them."
    found = [(e.acled.event_type, e.acled.sub_event_type) for e in cn.parse(text).events if e.acled]

    assert ["Protests"] == [t for t, _ in found]


def test_the_toll_told_after_a_clash_is_the_clashs() -> None:
    """'Militiamen of two clans clashed near Qalanqal. Three people were killed.': one clash with 3 dead."""
    text = "On 4 May 2020, militiamen of two clans clashed near Galkayo. Three people were killed."
    events = [e for e in cn.parse(text).events if e.acled]

    assert [("Battles", 3)] == [(e.acled.event_type, e.fatalities.best if e.fatalities else None) for e in events]


def test_a_states_officials_act_for_it_in_political_acts() -> None:
    """'Palestinian officials demanded …': officials, a source for claims, are the agent of a demand."""
    report = cn.parse("Palestinian officials demanded on Friday that the United States recognise a Palestinian state.")
    names = {a.id: a.name for a in report.actors}

    assert [("REQUEST", ["Palestinian officials"])] == [
        (e.plover.event_type, [names[x] for x in e.agents]) for e in report.events if e.plover and not e.acled
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Denmark today accepted a formula for ending the dispute.",
        "Syria says it is willing to withdraw its troops from Lebanon.",
        "The rebels said they will release the prime minister on Sunday.",
    ],
)
def test_agreeing_accepting_and_promising_are_plover_agree(text: str) -> None:
    """PLOVER's AGREE covers verbal agreement, acceptance and promises, with no ACLED event."""
    events = cn.parse(text).events

    assert [("AGREE", None)] == [(e.plover.event_type if e.plover else None, e.acled) for e in events]


def test_aid_qualifying_a_noun_is_no_aid() -> None:
    """'a crowd heading to an aid distribution site' tells of no aid given; 'Germany sent aid' does."""
    site = cn.parse("Israeli troops opened fire on a crowd heading to an aid distribution site in Rafah.").events
    sent = cn.parse("Germany sent aid to Ukraine.").events

    assert "AID" not in [e.plover.event_type for e in site if e.plover]
    assert ["AID"] == [e.plover.event_type for e in sent if e.plover]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a trigger phrase that holds its own passive: the man is the victim; nobody named did it
        ("On 4 May 2020, in Culiacan, Sinaloa, a man was shot dead and his body was found in a ditch.", None),
        ("On 4 May 2020, in Fresnillo, Zacatecas, two men were killed and their bodies found on a road.", None),
        # civilians suffer a blast, they never carry it out
        ("On 5 May 2020, a civilian was injured by a landmine in Mehran county, Ilam.", "Explosions/Remote violence"),
    ],
)
def test_civilians_are_never_the_agents_of_violence(text: str, event_type: str | None) -> None:
    """Victims found dead, or hit by a landmine, are the targets of the violence, never its agents."""
    report = cn.parse(text)
    kinds = {a.id: a.kind for a in report.actors}
    events = [e for e in report.events if e.acled and event_type in (None, e.acled.event_type)]

    assert events
    assert all(kinds[a] is not cn.ActorKind.CIVILIANS for e in events for a in e.agents)


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        ("The Sudanese army and the RSF signed a ceasefire in Jeddah on Sunday.", True),
        ("Police found a note signed by a cartel next to the bodies.", False),
        ("The president signed the decree on Monday.", False),
    ],
)
def test_signing_is_an_agreement_only_of_a_deal(text: str, agreement: bool) -> None:
    """Signing a ceasefire, peace deal or treaty is an Agreement; signing a note or a decree is not."""
    subs = [e.acled.sub_event_type for e in cn.parse(text).events if e.acled]

    assert agreement == ("Agreement" in subs)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 4 May 2020, shoot-outs took place in two neighbourhoods of Recife.", "Armed clash"),
        ("On 28 April 2020, in Culiacan, Sinaloa, a severed head was found in a cooler.", "Attack"),
    ],
)
def test_plural_gunfights_and_found_remains_are_events(text: str, sub: str) -> None:
    """Plural fights ("shoot-outs", "gunfights") are clashes; a severed head found is an attack."""
    assert sub in [e.acled.sub_event_type for e in cn.parse(text).events if e.acled]


_HIT = st.tuples(st.integers(0, 60), st.integers(0, 8), st.sampled_from(["armed", "civilian", "mob"]))


@given(st.lists(_HIT, max_size=12), st.integers(-5, 70), st.integers(-5, 70))
def test_hits_between_and_roles_read_the_hits_inside_the_range(
    raw: list[tuple[int, int, str]], start: int, end: int
) -> None:
    """The bisected look-ups answer as a scan of all hits: those starting at *start* or later, ending by *end*."""
    hits = sorted((s, s + n, {role}) for s, n, role in raw)
    index = events_module._Hits(hits)
    inside = [h for h in hits if start <= h[0] < end and h[1] <= end]
    assert index.between(start, end) == inside
    assert index.roles(start, end) == set().union(*(h[2] for h in inside))


def test_forces_barricading_a_road_are_no_riot() -> None:
    """'Soldiers barricaded the road': forces closing a road; a crowd that barricades it riots."""
    forces = cn.parse("Soldiers barricaded the road to Goma on Monday.").events
    crowd = cn.parse("Residents barricaded the road to Goma to protest against power cuts.").events

    assert [] == [e for e in forces if e.acled]
    assert ["Violent demonstration"] == [e.acled.sub_event_type for e in crowd if e.acled]


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("Putin held talks by phone with Erdogan on Monday.", "CONSULT", "phone"),
        ("Blinken visited Kyiv and met Zelensky.", "CONSULT", "visit"),
        ("Zelensky met Biden at the G7 summit in Hiroshima.", "CONSULT", "multilateral"),
        ("Russian forces withdrew from Kherson.", "RETREAT", "withdraw"),
        ("Hamas released three hostages.", "RETREAT", "release"),
        ("Georgian President Eduard Shevardnadze resigned on Sunday.", "RETREAT", "resign"),
        ("Workers went on strike in Lagos.", "PROTEST", "strike"),
        ("Protesters blocked the highway in Bogota.", "PROTEST", "obstruct"),
        ("Hundreds of people protested in Nairobi.", "PROTEST", "demo"),
        ("Ukrainian drones struck an oil depot in Bryansk.", "ASSAULT", "drone"),
        ("A suicide bomber killed 5 in Kabul.", "ASSAULT", "suicide-attack"),
        ("Sarin was used in an attack in Ghouta.", "ASSAULT", "unconventional"),
    ],
)
def test_plover_mode_shown_by_the_text(text: str, plover: str, mode: str) -> None:
    """PLOVER's mode (its Draft 2.0 names) comes from the trigger or its sentence, else from the event's class."""
    coding = next(e for e in cn.parse(text, published=PUB).events if e.plover).plover
    assert coding is not None
    assert (plover, mode) == (coding.event_type, coding.mode)


# The modes of the PLOVER manual, Draft 2.0, by event type (types without modes are left out).
PLOVER_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"}
    | {"misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives"}
    | {"suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}


def test_every_mode_in_the_data_is_a_plover_mode_of_its_type() -> None:
    """The class table, the mode table and the CAMEO table use only modes the PLOVER manual defines for the type."""
    from conflictnews.lexicons import load_table

    plover_of = {row[0]: row[3] for row in load_table("events/classes")}
    used = {(row[3], row[4]) for row in load_table("events/classes") if len(row) > 4 and row[4] != "-"}
    used |= {(plover_of[cls], mode) for cls, mode, _, _ in load_table("events/modes")}
    used |= {(row[1], row[2]) for row in load_table("export/cameo") if row[0] == "plover" and row[2] != "-"}

    assert {(kind, mode) for kind, mode in used if mode not in PLOVER_MODES.get(kind, ())} == set()
