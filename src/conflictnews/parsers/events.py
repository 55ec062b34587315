"""
Events: who did what to whom, where and when, coded in ACLED and PLOVER.

The parser scans the text once for trigger words (one combined pattern built
from ``data/events/triggers.tsv``), groups them by clause, keeps the strongest
trigger of each clause, and links arguments found by earlier parsers:
agents and targets (actors), location, time, fatalities (killed counts) and the
claim an event rests on. Every choice is recorded in the event's ``rule``.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

import regex

from conflictnews._analysis import Analysis
from conflictnews._phrases import PhraseMatcher
from conflictnews.lexicons import data_cache, load_lexicon, load_table
from conflictnews.model import (
    ACLED_INTER,
    AcledCoding,
    Actor,
    ActorKind,
    Claim,
    Event,
    Fatalities,
    Location,
    LocationKind,
    Modality,
    PloverCoding,
    Precision,
    PrecisionCodes,
    Quantity,
    QuantityKind,
    ReportWarning,
    Span,
    Stance,
    TimeExpression,
)
from conflictnews.parsers import PARSER_API_VERSION, Context, Item

__all__ = ["ACLED_INTER", "EventParser"]

V = TypeVar("V")

ARMED_KINDS = frozenset(
    {
        ActorKind.STATE_FORCES,
        ActorKind.EXTERNAL_FORCES,
        ActorKind.REBEL_GROUP,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
    }
)


_MILITARY_CLASSES = frozenset(
    {"clash", "regain", "overtake", "shelling", "airstrike", "ied", "suicide", "grenade", "chemical", "disrupted"}
)
_VIOLENT_CLASSES = _MILITARY_CLASSES | {"violence", "attack", "mob", "abduction", "sexual", "excessive"}
_ARMED_GROUPS = ARMED_KINDS - {ActorKind.STATE_FORCES}
# classes whose agents are never civilians (a mob's are rioters; "violence" is decided by its target)
_NO_CIVILIAN_AGENTS = (_MILITARY_CLASSES - {"disrupted"}) | {"attack", "abduction", "sexual", "excessive"}


_WORD_AFTER = regex.compile(r" (\p{Ll}++)")


def _aid_modifier(text: str, t: _Trigger) -> bool:
    """True for "an aid distribution site", "aid workers": "aid" qualifies the noun after it."""
    if text[t.start : t.end].lower() != "aid":
        return False
    m = _WORD_AFTER.match(text, t.end)
    return m is not None and m.group(1) in load_lexicon("events/aid_modifiers")


def _named_before(text: str, hyphen: int) -> bool:
    """True when the word ending at *hyphen* is capitalised ("U.S.-backed", "Iran-backed")."""
    i = hyphen
    while i > 0 and not text[i - 1].isspace() and hyphen - i < 40:
        i -= 1
    return text[i : i + 1].isupper()


_CROWD_KINDS = frozenset({ActorKind.RIOTERS, ActorKind.CIVILIANS, ActorKind.PROTESTERS})
# shooting takes a gun: whoever fires is armed, not a mob
_FIREARM = regex.compile(r"shot|shoot|fire|gun", regex.IGNORECASE)
# strategic developments that give way to violence told in the same clause
_NON_VIOLENT = frozenset({"arrest", "looting", "disrupted", "change", "movement"})
# acts a crowd protests against, named in the protest's own clause
_GRIEVANCES = frozenset({"abduction", "sexual", "attack"})
_PROTEST_CLASSES = frozenset({"protest", "riot", "intervention", "excessive"})
_PROTEST_AFTERMATH = 3  # sentences after a protest in which its turning violent is still told
# words that name unrest in general ("after the riots in the prisons", "looted funds") rather than what a crowd did
_BACKGROUND_WORDS = frozenset({"riot", "riots", "looted", "looting"})
# acts that make a protest when a crowd does them together ("residents gathered, demanding ...")
_CROWD_DEMANDS = frozenset({"request", "reject", "accuse"})

# Clause boundaries inside a sentence: a trigger's arguments are looked for in its own clause first.
# Every alternative starts with a punctuation mark, so the engine only stops at those characters;
# bare conjunctions ("... setbacks as Russian troops ...") are found through the word index instead.
_CLAUSE = regex.compile(
    r"""
    ;|:(?=\s)|(?<=\s)[\u2014\u2013](?=\s)            # semicolons, colons, dashes
    |,\s++(?=(?:which|who|whom|while|as|but|yet|after|before|when|whereas|although|though|amid)\b)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_CLAUSE_WORDS = frozenset({"as", "while", "but", "yet", "whereas"})
# the words after which a comma opens a clause (the last alternative of _CLAUSE)
_COMMA_WORDS = frozenset(
    "which who whom while as but yet after before when whereas although though amid".split()  # noqa: SIM905
)
# the characters every alternative of _CLAUSE starts with
_CLAUSE_MARKS = ";:,\u2014\u2013"

_BY_AGENT = regex.compile(r"[^.;:]{0,40}?\bby\s++(?:the\s++)?", regex.IGNORECASE)
# "attacked a checkpoint manned by soldiers": a participle after the trigger's object (not "an IED, planted by")
_REDUCED_RELATIVE = regex.compile(r"\p{L}[^.;:]*?\b(?:\p{L}{3,}ed|held|run|built|owned|led)\s++by\b", regex.IGNORECASE)
_BETWEEN = regex.compile(r"\bbetween\b", regex.IGNORECASE)
_REPELLED = regex.compile(r"(?:repelled|repulsed|thwarted|foiled|fought\s++off|beat\s++back)", regex.IGNORECASE)
_ATTACK_AFTER = regex.compile(r"(?:['\u2019]s?)?\s++(?:attacks?|assaults?|offensives?|advances?|raids?|ambush)\b")
_EXCHANGE = regex.compile(r"(?:exchanged|exchanging|exchange\s++of)\s++(?:heavy\s++)?(?:gun)?fire", regex.IGNORECASE)
_STATE_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES})
# "an IS attack", "a Taliban ambush": a name between an article and the trigger noun is its doer
_ARTICLE_BEFORE = regex.compile(r"\b(?:an?|the)\s++$", regex.IGNORECASE)


class _Trigger(NamedTuple):
    start: int
    end: int
    cls: str
    strength: int


class _Class(NamedTuple):
    acled: tuple[str, str] | None
    plover: str | None
    mode: str | None


@data_cache
def _classes() -> dict[str, _Class]:
    out: dict[str, _Class] = {}
    for row in load_table("events/classes"):
        name, etype, sub, plover, mode = (row + ("-",) * 5)[:5]
        out[name] = _Class(
            acled=None if etype == "-" else (etype, sub),
            plover=None if plover == "-" else plover,
            mode=None if mode == "-" else mode,
        )
    return out


def _alternation(forms: Iterable[str]) -> str:
    # longest first, so "air strike" wins over "strike"; escaped, spaces match any white space
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(regex.escape(f).replace("\\ ", r"\s++") for f in ordered)


class EventParser:
    """
    Find conflict events (ACLED) and political acts (PLOVER) with their arguments.

    Args:
        triggers: Rows ``(forms, class, strength)``; default ``data/events/triggers.tsv``.
        labels: Rows ``(label, class)`` for coder-note labels ("Property destruction:").
        cues: Rows ``(cue, role)`` setting modality or resolving attacks.
        nouns: Rows ``(noun, role)``: armed, civilian or mob heads of unrecognised actors.
        fatality_rules: ``"ucdp"`` (default): best/low/high from each killed count's own value and bounds
            ("dozens" keeps its range, best = its lower bound); ``"acled"``: ACLED's counting rules
            ("dozens" -> 12, "several" -> 3, ``data/events/acled_counts.tsv``) and, for a count given
            as a range, its lowest figure.
    """

    name = "events"
    requires: tuple[str, ...] = ("actors", "locations", "times", "quantities")
    provides: tuple[str, ...] = ("events",)
    api_version: ClassVar[int] = PARSER_API_VERSION

    def __init__(
        self,
        *,
        triggers: Sequence[Sequence[str]] | None = None,
        labels: Sequence[Sequence[str]] | None = None,
        cues: Sequence[Sequence[str]] | None = None,
        nouns: Sequence[Sequence[str]] | None = None,
        fatality_rules: str = "ucdp",
    ) -> None:
        if fatality_rules not in ("ucdp", "acled"):
            raise ValueError(f"fatality_rules must be 'ucdp' or 'acled', not {fatality_rules!r}")
        self._fatality_rules = fatality_rules
        self._classes = _classes()
        self._trigger_info: dict[str, tuple[str, int]] = {}
        for row in triggers if triggers is not None else load_table("events/triggers"):
            forms, cls, strength = row[0], row[1], int(row[2])
            if cls.removeprefix("w:") not in self._classes and cls != "violence":
                raise ValueError(f"trigger class {cls!r} is not in events/classes")
            for form in forms.split("|"):
                key = " ".join(form.lower().split())
                if key not in self._trigger_info or self._trigger_info[key][1] < strength:
                    self._trigger_info[key] = (cls, strength)
        self._trigger_matcher = PhraseMatcher(self._trigger_info.items())
        self._labels = {r[0].lower(): r[1] for r in (labels if labels is not None else load_table("events/labels"))}
        # trigger and label class -> does it code an ACLED event ("violence" always does)
        self._is_acled: dict[str, bool] = {
            cls: cls == "violence" or bool(self._classes[cls.removeprefix("w:")].acled)
            for cls in sorted({c for c, _ in self._trigger_info.values()} | set(self._labels.values()))
            if cls == "violence" or cls.removeprefix("w:") in self._classes
        }
        # the first characters of the labels as an ASCII character of the text may match them, case aside
        # (the folding of the long s, the Kelvin sign and the dotted capital I to ASCII letters included)
        self._label_firsts = frozenset(c for lb in self._labels for c in (lb[:1].lower(), lb[:1].casefold()[:1]))
        self._label_re = regex.compile(
            r"^[ \t]*+(" + _alternation(self._labels) + r")\s*+:", regex.IGNORECASE | regex.MULTILINE
        )
        self._cues: dict[str, str] = {}
        for row in cues if cues is not None else load_table("events/cues"):
            self._cues.setdefault(row[0].lower(), row[1])
        self._cue_matcher = PhraseMatcher(self._cues.items())
        self._nouns: dict[str, set[str]] = {}
        for row in nouns if nouns is not None else load_table("events/nouns"):
            self._nouns.setdefault(row[0].lower(), set()).add(row[1])
        self._noun_matcher = PhraseMatcher(self._nouns.items())

    # -- scanning ---------------------------------------------------------------------------

    def _triggers(self, analysis: Analysis) -> list[_Trigger]:
        out: list[_Trigger] = []
        text = analysis.text
        if ":" in text:
            # a label opens a line, and every line with words on it is a paragraph: match only there
            # (as finditer would: no match starts inside the one before)
            last = 0
            firsts = self._label_firsts
            for p_start, _ in analysis.paragraphs:
                if p_start < last:
                    continue
                q = p_start
                while text[q] in " \t":
                    q += 1
                ch = text[q]
                if ch.isascii() and ch.lower() not in firsts:
                    continue  # no label opens with this character (case folding aside, which ASCII escapes)
                m = self._label_re.match(text, p_start)
                if m is not None:
                    last = m.end()
                    label = self._labels.get(" ".join(m.group(1).lower().split()))
                    if label is not None:  # "Arreſts:" matches through case folding but is no label
                        out.append(_Trigger(m.start(1), m.end(1), label, 10))
        for start, end, (cls, strength) in self._trigger_matcher.finditer(analysis):
            out.append(_Trigger(start, end, cls, strength))
        out.sort()
        return out

    def parse(self, context: Context) -> Iterable[Item | ReportWarning]:
        """Return the events of the document in *context*."""
        text = context.text
        triggers = [
            t
            for t in self._triggers(context.analysis)
            # "the U.S.-backed foundation", "Russian-occupied towns": a name's participle compound tells no act
            # ("counter-attack", "re-captured" do)
            if not (
                t.start > 1
                and text[t.start - 1] == "-"
                and text.endswith("ed", t.start, t.end)
                and _named_before(text, t.start - 1)
            )
            and not (t.cls == "aid" and _aid_modifier(text, t))  # "an aid distribution site"
        ]
        if not triggers:
            return []
        names = [(sp.start, sp.end) for a in context.actors if a.rule in _NAME_RULES for sp in a.mentions]
        names.sort()
        if names:
            # "the Rapid Support Forces", "the National Liberation Army": a trigger word inside a name is none
            name_starts = [s for s, _ in names]
            triggers = [t for t in triggers if not _in_names(names, name_starts, t.start, t.end)]
            if not triggers:
                return []
        doc = _DocIndex(context, self)
        drafts: list[_Draft] = []
        by_sentence: dict[int, list[_Trigger]] = {}
        for t in triggers:
            by_sentence.setdefault(context.analysis.sentence_index(t.start), []).append(t)
        for si, trigs in sorted(by_sentence.items()):
            s_start, s_end = context.analysis.sentences[si] if context.analysis.sentences else (0, len(text))
            following = {t.cls for t in by_sentence.get(si + 1, ()) if t.strength >= 5 or t.cls.startswith("w:")}
            if any(t.cls in _PROTEST_CLASSES for t in trigs):
                # what the crowd did next, told in the following sentences of the paragraph
                para = doc.paragraph_start(s_start)
                for sj in range(si + 1, si + 1 + _PROTEST_AFTERMATH):
                    later = by_sentence.get(sj, ())
                    if later and doc.paragraph_start(later[0].start) == para:
                        # a clash between armed groups told later is background, not the crowd fighting
                        armed = "irregular" in doc.nouns.roles(*context.analysis.sentences[sj])
                        following |= {
                            f"later:{t.cls}"
                            for t in later
                            if t.strength >= 5
                            and text[t.start : t.end].lower() not in _BACKGROUND_WORDS
                            and not (armed and t.cls == "clash")
                        }
            drafts.extend(self._sentence_events(doc, si, s_start, s_end, trigs, following))
        _attach_orphan_fatalities(doc, drafts)
        drafts = _fold_aftermath_casualties(doc, drafts)
        drafts = _fold_arrests_into_protests(doc, drafts)
        drafts = _merge(drafts)
        drafts.sort(key=lambda d: (d.trigger.start, d.trigger.end))
        kinds = {a.id: a.kind for a in context.actors}
        counts = _acled_counts() if self._fatality_rules == "acled" else None
        return [d.build(context.next_id(Event, i), text, kinds, counts) for i, d in enumerate(drafts)]

    # -- per sentence --------------------------------------------------------------------------

    def _sentence_events(
        self, doc: _DocIndex, si: int, s_start: int, s_end: int, trigs: list[_Trigger], following: set[str]
    ) -> list[_Draft]:
        clauses = _clauses(doc.analysis, s_start, s_end, doc.clause_words, doc.clause_marks)
        # weak property words ("crops were destroyed") tell no riot
        sentence_classes = {t.cls for t in trigs if t.strength >= 2 or t.cls != "looting"}
        if sentence_classes & _PROTEST_CLASSES and "protest" not in following:
            # "Residents took to the streets. Rioters blocked streets with burning tires." (the same crowd)
            sentence_classes |= following & {"riot"}
        if sentence_classes & _PROTEST_CLASSES and {"later:riot", "later:looting", "later:clash"} & following:
            sentence_classes.add("riot")
        if following & {"w:clash", "clash"}:
            # "X fired mortars at Y's positions. Small-arms fire was observed there too": both sides fought
            sentence_classes.add("next:fighting")
        out: list[_Draft] = []
        seen: set[tuple[str, str | None]] = set()
        for c_start, c_end in clauses:
            in_clause = [t for t in trigs if c_start <= t.start < c_end]
            if not in_clause:
                continue
            acled: list[_Trigger] = []
            plover_only: list[_Trigger] = []
            for t in in_clause:
                known = self._is_acled.get(t.cls)
                if known is None:  # a label class missing from events/classes fails as it always did
                    known = t.cls == "violence" or bool(self._classes[t.cls.removeprefix("w:")].acled)
                (acled if known else plover_only).append(t)
            weapons = [t for t in acled if t.cls.startswith("w:")]
            # "launched", "dropped": an attack only with a weapon named ("launched two missiles")
            acled = [t for t in acled if not t.cls.startswith("w:") and (t.strength or weapons)]
            if acled:
                best = max(acled, key=lambda t: (t.strength, -t.start))
                if best.cls in _GRIEVANCES:
                    # "families whose children were kidnapped held a sit-in": the protest is the event
                    protest = next((t for t in acled if t.cls == "protest" and t.strength >= 7), None)
                    if protest is not None:
                        best = protest
                if best.cls in _NON_VIOLENT:
                    # "killed three militants and seized weapons": the violence told first is the event
                    first = next((t for t in acled if t.cls in _VIOLENT_CLASSES or t.cls == "violence"), None)
                    if first is not None and (first.start < best.start or best.cls in ("change", "movement")):
                        best = first
                small_arms = any(w.cls == "w:clash" for w in weapons)
                if weapons and (best.cls == "violence" or best.strength <= 2):
                    # "fired 120mm mortars at ...", "attacked with drones": the weapon names the sub-type;
                    # small arms do not: who was hit decides between a fight and an attack on civilians
                    w = min(weapons, key=lambda t: _WEAPON_RANK.get(t.cls, 9))
                    if w.cls == "w:clash":
                        best = _Trigger(best.start, best.end, "violence", best.strength)
                    else:
                        best = _Trigger(w.start, w.end, w.cls[2:], 6)
                d = self._acled_event(
                    doc, si, (s_start, s_end), (c_start, c_end), best, sentence_classes, acled, small_arms
                )
                if d is not None and (d.cls, None) not in seen:
                    seen.add((d.cls, None))
                    out.append(d)
            for t in plover_only:
                if t.strength < 4 and acled:
                    continue  # a weak political cue next to a conflict event is part of it
                if (
                    t.cls in _CROWD_DEMANDS
                    and not any(x.acled for x in out)
                    and not (sentence_classes - _CROWD_DEMANDS - {"w:clash", "w:shelling", "w:airstrike"})
                    and doc.nouns.roles(c_start, t.start) & {"mob", "civilian"}
                ):
                    # "a group of residents blocked the highway to demand gasoline": people demanding together
                    d = self._crowd_protest(doc, (s_start, s_end), (c_start, c_end), t)
                    if d is not None and ("protest", None) not in seen:
                        seen.add(("protest", None))
                        out.append(d)
                pd = self._plover_event(doc, si, (s_start, s_end), (c_start, c_end), t, seen)
                if pd is None:
                    continue  # a political act needs someone who acts, and is told once per actor
                seen.add((t.cls, pd.agents[0]))
                out.append(pd)
        return out

    def _acled_event(
        self,
        doc: _DocIndex,
        si: int,
        sentence: tuple[int, int],
        clause: tuple[int, int],
        trig: _Trigger,
        sentence_classes: set[str],
        clause_triggers: list[_Trigger],
        small_arms: bool = False,
    ) -> _Draft | None:
        text = doc.text
        agents, targets, agent_rule = doc.arguments(trig, clause, sentence)
        cls = trig.cls
        if cls == "looting" and _seized_place(doc, trig):
            cls = "overtake"  # "El Fasher, which the RSF seized in late October": a town taken, not goods
        rule = f"events/{cls}"
        nouns_before = doc.nouns.roles(clause[0], trig.start)
        nouns_after = doc.nouns.roles(trig.end, clause[1])
        if "+passive" in agent_rule:
            # "a man was shot by two armed men": the victim comes first, the doer after "by"
            nouns_before, nouns_after = nouns_after, nouns_before
        if (
            cls == "riot"
            and trig.strength <= 3
            and agents
            and all(doc.actors_by_id[a].kind in ARMED_KINDS for a in agents)
        ):
            return None  # "soldiers barricaded the road": forces closing a road, no crowd's riot
        # a protest with police action or violence around it
        if cls in ("protest", "riot") or (cls == "violence" and "protest" in sentence_classes):
            # police action is often told two sentences later: "... The police dispersed the protest."
            roles = {v for _, _, v in doc.cues.between(sentence[0], doc.next_sentence_end(si, 3))}
            state_agents = any(
                doc.actors_by_id[a].kind in (ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES) for a in agents
            )
            violent_crowd = cls == "riot" or sentence_classes & {"riot", "looting"}
            if not violent_crowd and ("excessive" in roles or (cls == "violence" and state_agents)):
                cls = "excessive"  # force against a crowd that was not violent itself
            elif cls == "violence" or (cls == "protest" and violent_crowd):
                cls = "riot"  # protesters who fight, burn or block with barricades
            elif cls == "protest" and "intervention" in roles:
                cls = "intervention"
            rule = f"events/{cls}"
        elif cls == "violence":
            target_kinds = {doc.actors_by_id[a].kind for a in targets}
            agent_kinds = {doc.actors_by_id[a].kind for a in agents}
            direct = "+sentence-target" not in agent_rule
            crowd = (
                ("mob" in nouns_before or agent_kinds & _CROWD_KINDS)
                and not agent_kinds & ARMED_KINDS
                and "armed" not in nouns_before
                and not small_arms
                and not _FIREARM.search(text, trig.start, trig.end)
            )
            if "captive" in nouns_after:
                cls, rule = "attack", "events/violence-on-captives"  # prisoners are hors de combat
            elif "offduty" in nouns_after or "offduty" in doc.nouns.roles(*sentence):
                # off-duty soldiers and police count as civilians (ACLED)
                cls, rule = "attack", "events/violence-off-duty"
            elif crowd:
                # villagers, a crowd, youths: an unorganised group attacking anyone is mob violence
                cls, rule = "mob", "events/violence-by-mob"
            elif "civilian" in nouns_after and not (direct and target_kinds & ARMED_KINDS):
                cls, rule = "attack", "events/violence-civilian-target"
            elif target_kinds & (ARMED_KINDS | {ActorKind.GOVERNMENT}) or (
                "armed" in nouns_after and "civilian" not in nouns_after
            ):
                cls, rule = "clash", "events/violence-armed-target"
            elif small_arms or "next:fighting" in sentence_classes or "clash" in sentence_classes:
                # small-arms fire with no victim named, or "... The police shot back": both sides fought
                cls, rule = "clash", "events/exchange-of-fire"
            else:
                cls, rule = "attack", "events/violence-civilian-target"
        elif cls == "clash" and ("mob" in nouns_before or "mob" in nouns_after):
            kinds = {doc.actors_by_id[a].kind for a in (*agents, *targets)}
            if (
                not kinds & _ARMED_GROUPS
                and "irregular" not in nouns_before | nouns_after
                and not _FIREARM.search(text, trig.start, trig.end)  # a shoot-out takes two armed sides
            ):
                # two groups of villagers, or a crowd against the police: not a fight between armed forces
                cls, rule = "mob", "events/clash-between-groups"
        elif cls == "overtake" and (taken := _captured_fighters(doc, trig)):
            # "regime forces captured 2 rebels of Jaysh al Ahrar": fighters taken in a fight, no land
            cls, rule = "clash", "events/capture-of-fighters"
            if taken == "subject":  # "300 RSF fighters had been killed or captured": they were the ones taken
                agents, targets = [], _unique([*agents, *targets])
        elif cls == "overtake":
            states = [
                act
                for a in agents
                if (act := doc.actors_by_id[a]).kind in (ActorKind.STATE_FORCES, ActorKind.GOVERNMENT)
            ]
            if states:
                place = doc.location(clause, sentence, trig, agents)
                if (
                    place is not None
                    and place.country
                    and all(s.country and s.country != place.country for s in states)
                ):
                    # "Russian troops captured the village of Pishchane" (Ukraine): a state regains only its own land
                    rule = "events/overtake-abroad"
                else:
                    cls, rule = "regain", "events/control-by-state"
        elif cls in ("shelling", "grenade") and (
            "clash" in {t.cls for t in clause_triggers if t.strength >= 6} or "next:fighting" in sentence_classes
        ):
            cls, rule = "clash", "events/shelling-both-sides"
        info = self._classes[cls]
        if info.acled is None:
            return None
        location = doc.location(clause, sentence, trig, agents)
        if cls in _NO_CIVILIAN_AGENTS and any(doc.actors_by_id[a].kind is ActorKind.CIVILIANS for a in agents):
            # "20 civilians were killed in the fighting", "a civilian was injured by a landmine": civilians suffer
            # a clash, a blast or an attack, they do not carry it out
            civilians = [a for a in agents if doc.actors_by_id[a].kind is ActorKind.CIVILIANS]
            agents, targets = [a for a in agents if a not in civilians], _unique([*targets, *civilians])
        agents, targets = doc.complete_arguments(cls, agents, targets, location)
        if cls in _PROTEST_CLASSES:
            agents, targets = doc.crowd_first(cls, agents, targets, sentence, si)
        if cls in ("change", "hq", "agreement", "ceasefire", "transfer", "other") and not agents and trig.strength < 10:
            return None  # a strategic development needs someone whose activity changed
        if cls == "movement" and not any(doc.actors_by_id[a].kind in ARMED_KINDS for a in agents):
            return None  # forces arriving somewhere; a president arriving on a visit is no troop movement
        return _Draft(
            trigger=Span(start=trig.start, end=trig.end),
            sentence=doc.span(sentence),
            cls=cls,
            acled=info.acled,
            plover=info.plover,
            mode=_mode(info.mode, cls, text, (trig.start, trig.end), sentence),
            agents=agents,
            targets=targets,
            location=location,
            time=doc.time(clause, sentence),
            fatalities=doc.killed(sentence),
            modality=self._modality(doc, trig, clause),
            claim=doc.claim_for(trig),
            rule=rule + agent_rule,
        )

    def _crowd_protest(
        self, doc: _DocIndex, sentence: tuple[int, int], clause: tuple[int, int], trig: _Trigger
    ) -> _Draft | None:
        info = self._classes["protest"]
        if info.acled is None:
            return None
        agents, _, agent_rule = doc.arguments(trig, clause, sentence, political=True)
        if any((a := doc.actors_by_id.get(x)) is not None and a.kind not in _DEMANDING_CROWDS for x in agents):
            return None  # "He urged Western partners to …": one person's or a state's demand, no crowd's
        location = doc.location(clause, sentence, trig, agents)
        return _Draft(
            trigger=Span(start=trig.start, end=trig.end),
            sentence=doc.span(sentence),
            cls="protest",
            acled=info.acled,
            plover=info.plover,
            mode=info.mode,
            agents=agents,
            targets=[],
            location=location,
            time=doc.time(clause, sentence),
            fatalities=[],
            modality=self._modality(doc, trig, clause),
            claim=doc.claim_for(trig),
            rule=f"events/crowd-{trig.cls}{agent_rule}",
        )

    def _plover_event(
        self,
        doc: _DocIndex,
        si: int,
        sentence: tuple[int, int],
        clause: tuple[int, int],
        trig: _Trigger,
        seen: set[tuple[str, str | None]] | None = None,
    ) -> _Draft | None:
        """The political act of *trig*; None with no agent, or when *seen* has its class and first agent."""
        agents, targets, agent_rule = doc.arguments(trig, clause, sentence, political=True)
        info = self._classes[trig.cls]
        if not agents or (seen is not None and (trig.cls, agents[0]) in seen):
            return None  # decided before the rest is looked up: that part only reads
        return _Draft(
            trigger=Span(start=trig.start, end=trig.end),
            sentence=doc.span(sentence),
            cls=trig.cls,
            acled=None,
            plover=info.plover,
            mode=_mode(info.mode, trig.cls, doc.text, (trig.start, trig.end), sentence),
            agents=agents,
            targets=targets,
            location=doc.location(clause, sentence, trig, agents, political=True),
            time=doc.time(clause, sentence),
            fatalities=[],
            modality=self._modality(doc, trig, clause),
            claim=doc.claim_for(trig),
            rule=f"events/plover-{trig.cls}{agent_rule}",
        )

    def _modality(self, doc: _DocIndex, trig: _Trigger, clause: tuple[int, int]) -> Modality:
        claim = doc.claim_obj_for(trig)
        if claim is not None and claim.stance in _BY_STANCE:
            return _BY_STANCE[claim.stance]
        # local cues in the clause, before the trigger (nearest wins) or right after it
        lo = max(clause[0], trig.start - 60)
        best: str | None = None
        for c_start, _, role in doc.cues.between(lo, min(clause[1], trig.end + 12)):
            if role in ("alleged", "reported", "claimed", "denied", "planned", "hypothetical", "negated"):
                if c_start >= trig.end and role not in ("alleged", "reported"):
                    continue
                best = role
        return Modality(best) if best else Modality.ASSERTED


_BY_STANCE = {
    Stance.CLAIMED: Modality.CLAIMED,
    Stance.ALLEGED: Modality.ALLEGED,
    Stance.DENIED: Modality.DENIED,
    Stance.HEDGED: Modality.REPORTED,
    Stance.REPORTED: Modality.REPORTED,
}


@data_cache
def _modes() -> dict[str, tuple[regex.Pattern[str], list[tuple[str, bool, regex.Pattern[str]]]]]:
    """
    ``events/modes``: per class, a pattern of all its words (one search rules most sentences out), and its rows
    ``(mode, in the whole sentence?, words)`` in table order.
    """
    rows: dict[str, list[tuple[str, bool, regex.Pattern[str]]]] = {}
    words_of: dict[str, list[str]] = {}
    for cls, mode, where, words in load_table("events/modes"):
        if where not in ("trigger", "sentence"):
            raise ValueError(f"events/modes: where must be 'trigger' or 'sentence', not {where!r}")
        rows.setdefault(cls, []).append((mode, where == "sentence", _words_pattern(words.split("|"))))
        words_of.setdefault(cls, []).extend(words.split("|"))
    return {cls: (_words_pattern(words_of[cls]), class_rows) for cls, class_rows in rows.items()}


def _words_pattern(words: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", regex.IGNORECASE)


def _mode(base: str | None, cls: str, text: str, trigger: tuple[int, int], sentence: tuple[int, int]) -> str | None:
    """The PLOVER mode the trigger or its sentence shows ("by phone": phone), else the class's own."""
    found = _modes().get(cls)
    if found is None or found[0].search(text, *sentence) is None:
        return base
    for mode, whole_sentence, pattern in found[1]:
        start, end = sentence if whole_sentence else trigger
        if pattern.search(text, start, end) is not None:
            return mode
    return base


def _clauses(
    analysis: Analysis,
    start: int,
    end: int,
    clause_words: list[int] | None = None,
    marks: list[int] | None = None,
) -> list[tuple[int, int]]:
    """
    The clauses of the sentence ``[start, end)``: split at semicolons, colons, dashes and conjunctions.

    *clause_words* and *marks*, when given, are the document's tokens in ``_CLAUSE_WORDS`` (indices) and
    the offsets of its ``_CLAUSE_MARKS``, found once for the whole text.
    """
    text = analysis.text
    cuts: list[tuple[int, int]]
    if marks is None:
        cuts = [(m.start(), m.end()) for m in _CLAUSE.finditer(text, start, end)]
    else:
        # every cut starts at one of the marks, and no cut holds another mark: try the pattern at each
        cuts = []
        match = _CLAUSE.match
        starts, words = analysis.tok_starts, analysis.tok_words
        for p in marks[bisect.bisect_left(marks, start) : bisect.bisect_left(marks, end)]:
            ch = text[p]
            if ch == ";":
                cuts.append((p, p + 1))  # the pattern's first alternative
                continue
            if ch == ",":
                # a comma cuts before one of _COMMA_WORDS, the first word after it (the first token after it):
                # an ASCII word with another key cannot match (other words are left to the pattern)
                k = bisect.bisect_right(starts, p)
                if k == len(words):
                    continue
                w = words[k]
                if w.isascii() and w.split("-", 1)[0].split("'", 1)[0].lower() not in _COMMA_WORDS:
                    continue
            m = match(text, p, end)
            if m is not None:
                cuts.append((p, m.end()))
    starts, ends = analysis.tok_starts, analysis.tok_ends
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    if clause_words is None:
        found = analysis.indices_of(_CLAUSE_WORDS, lo, hi)
    else:
        found = clause_words[bisect.bisect_left(clause_words, lo) : bisect.bisect_left(clause_words, hi)]
    for i in found:
        # the single white-space character before the word, and white space after it: "... setbacks as Russian"
        s = starts[i]
        if i > lo and s - 1 >= start and text[s - 1].isspace() and ends[i] < end and text[ends[i]].isspace():
            cuts.append((s - 1, s))
    cuts.sort()
    out: list[tuple[int, int]] = []
    pos = start
    for c_start, c_end in cuts:
        if c_start < pos:
            continue
        if c_start > pos:
            out.append((pos, c_start))
        pos = c_end
    if pos < end:
        out.append((pos, end))
    return out or [(start, end)]


class _Draft:
    __slots__ = (
        "acled",
        "agents",
        "claim",
        "cls",
        "fatalities",
        "location",
        "mentions",
        "modality",
        "mode",
        "plover",
        "rule",
        "sentence",
        "targets",
        "time",
        "trigger",
    )

    def __init__(
        self,
        *,
        trigger: Span,
        sentence: Span,
        cls: str,
        acled: tuple[str, str] | None,
        plover: str | None,
        mode: str | None,
        agents: list[str],
        targets: list[str],
        location: Location | None,
        time: TimeExpression | None,
        fatalities: list[Quantity],
        modality: Modality,
        claim: str | None,
        rule: str,
    ) -> None:
        self.trigger, self.sentence, self.cls = trigger, sentence, cls
        self.acled, self.plover, self.mode = acled, plover, mode
        self.agents, self.targets = agents, targets
        self.location, self.time, self.fatalities = location, time, fatalities
        self.modality, self.claim, self.rule = modality, claim, rule
        self.mentions: list[Span] = [trigger]

    def build(
        self, ident: str, text: str, kinds: dict[str, ActorKind], acled_counts: dict[str, int] | None = None
    ) -> Event:
        fat = _fatalities(self.fatalities, acled_counts) if self.fatalities else None
        acled = None
        if self.acled:
            inter1, inter2 = self._inter(kinds)
            if self.acled[0] == "Violence against civilians":
                inter2 = _CIVILIANS_INTER  # the codebook: civilians are always actor2 of violence against them
            interaction = (
                None
                if inter1 is None
                else int(f"{min(inter1, inter2 or 0)}{max(inter1, inter2 or 0)}")
                if inter2
                else inter1 * 10
            )
            key = (self.acled[0], self.acled[1], inter1, inter2, interaction)
            acled = _ACLED_CODINGS.get(key)
            if acled is None:
                acled = _ACLED_CODINGS[key] = AcledCoding(
                    event_type=key[0], sub_event_type=key[1], inter1=inter1, inter2=inter2, interaction=interaction
                )
        plover = None
        if self.plover:
            plover = _PLOVER_CODINGS.get((self.plover, self.mode))
            if plover is None:
                plover = _PLOVER_CODINGS[(self.plover, self.mode)] = PloverCoding(
                    event_type=self.plover, mode=self.mode
                )
        return Event(
            id=ident,
            text=self.trigger.slice(text),
            trigger=self.trigger,
            sentence=self.sentence,
            acled=acled,
            plover=plover,
            agents=self.agents,
            targets=self.targets,
            location=self.location.id if self.location else None,
            time=self.time.id if self.time else None,
            fatalities=fat,
            modality=self.modality,
            precision=_precision(self.location, self.time),
            claim=self.claim,
            mentions=self.mentions if len(self.mentions) == 1 else sorted(set(self.mentions)),
            rule=self.rule,
        )

    def _inter(self, kinds: dict[str, ActorKind]) -> tuple[int | None, int | None]:
        k1 = kinds.get(self.agents[0]) if self.agents else None
        k2 = kinds.get(self.targets[0]) if self.targets else None
        return (ACLED_INTER.get(k1) if k1 else None, ACLED_INTER.get(k2) if k2 else None)


# The codings are frozen values, made once per distinct value and shared by the events that have it
# (a handful of distinct values: a dict look-up instead of building and validating a new object per event).
_ACLED_CODINGS: dict[tuple[str, str, int | None, int | None, int | None], AcledCoding] = {}
_PLOVER_CODINGS: dict[tuple[str, str | None], PloverCoding] = {}
_CIVILIANS_INTER = ACLED_INTER[ActorKind.CIVILIANS]
_PRECISION_CODES: dict[tuple[int | None, int | None, int | None, int | None, bool], PrecisionCodes] = {}


@data_cache
def _acled_counts() -> dict[str, int]:
    return {r[0].lower(): int(r[1]) for r in load_table("events/acled_counts")}


def _fatalities(quantities: list[Quantity], acled_counts: dict[str, int] | None) -> Fatalities:
    """Deaths from killed counts: UCDP-style best/low/high, or ACLED's single figure; by side where known."""
    best = low = high = 0
    by_side: dict[str, int] = {}
    for q in quantities:
        q_low: float | None = q.low if q.low is not None else q.value
        q_high: float | None = q.high if q.high is not None else q.value
        q_best: float | None
        if acled_counts is not None:
            figure = acled_counts.get((q.vague or "").lower()) if q.vague else None
            q_best = figure if figure is not None else (q_low if q_low is not None else 0)
            q_low = q_high = q_best
        else:
            q_best = q.value if q.value is not None else q_low
        b, lo, hi = int(q_best or 0), int(q_low or q_best or 0), int(q_high if q_high is not None else (q_best or 0))
        best, low, high = best + b, low + lo, high + max(hi, b)
        if q.subject:
            by_side[q.subject] = by_side.get(q.subject, 0) + b
    return Fatalities(
        best=best,
        low=min(low, best),
        high=max(high, best),
        quantities=[q.id for q in quantities],
        by_side=sorted(by_side.items()),
    )


_ACLED_TIME = {Precision.DAY: 1, Precision.WEEK: 2}
_UCDP_DATE = {Precision.DAY: 1, Precision.WEEK: 3, Precision.MONTH: 4}


def _precision(location: Location | None, time: TimeExpression | None) -> PrecisionCodes:
    acled_time = ucdp_date = None
    if time is not None and time.precision is not None:
        acled_time = _ACLED_TIME.get(time.precision, 3)
        ucdp_date = _UCDP_DATE.get(time.precision, 5)
    acled_geo = ucdp_where = None
    if location is not None:
        near = bool(location.relations)
        if location.kind == LocationKind.PLACE:
            acled_geo, ucdp_where = (2, 2) if near else (1, 1)
        elif location.kind in (LocationKind.ADMIN2, LocationKind.FEATURE):
            acled_geo, ucdp_where = 2, 3
        elif location.kind == LocationKind.ADMIN1:
            acled_geo, ucdp_where = 3, 4
        elif location.kind == LocationKind.REGION:
            acled_geo, ucdp_where = 3, 5
        else:
            acled_geo, ucdp_where = 3, 6
    key = (acled_time, acled_geo, ucdp_date, ucdp_where, time is not None)
    found = _PRECISION_CODES.get(key)
    if found is None:
        found = _PRECISION_CODES[key] = PrecisionCodes(
            acled_time=acled_time,
            acled_geo=acled_geo,
            ucdp_date=ucdp_date,
            ucdp_where=ucdp_where,
            date_stated=time is not None,
        )
    return found


# sources and observers ("reports", "the OSCE SMM observed") speak about events; they do not take part
_NOT_PARTIES = frozenset({ActorKind.MEDIA, ActorKind.ANONYMOUS_SOURCE, ActorKind.GENERIC})


def _is_party(actor: Actor) -> bool:
    """Can this actor be an event's agent or target? Not a source, and not a force of unknown side."""
    if actor.kind in _NOT_PARTIES:
        return False
    return not (actor.kind == ActorKind.STATE_FORCES and actor.country is None)


# when a clause names several weapons, small arms mean a fight, then air power, then artillery
_WEAPON_RANK = {"w:clash": 0, "w:airstrike": 1, "w:shelling": 2, "w:ied": 3}

# case-sensitive: "IS" before a verb is the Islamic State, not an auxiliary
_PASSIVE = regex.compile(r"\b(?:was|were|been|being|is|are|got|get)\s++(?:\p{L}+ly\s++)?$")
# what the word before a match of _PASSIVE ends with: one of its auxiliaries, or the "-ly" of its adverb
_PASSIVE_ENDS = ("was", "were", "been", "being", "is", "are", "got", "get", "ly")
# a trigger phrase that holds its auxiliary ("was found dead", "his body was found") or reads as one
# ("three men found dead"): its subject suffered the act
_PASSIVE_INSIDE = regex.compile(r"\b(?:was|were)\s|\bfound\b")
_HIT_BY_BEFORE = regex.compile(
    r"(?<!\p{L})(?:was|were|been)\s++(?:\p{Ll}++ly\s++)?(?:killed|wounded|injured|hit|struck|maimed)\s++"
    r"(?P<by>by|in)\s++(?:an?\s++|the\s++)?(?:[\p{L}-]++\s++){0,2}$"
)
"""Before a weapon: "1 policeman was killed by a Taliban-planted landmine": the subject is the victim."""
_TOLL_WORDS = frozenset(("fatality", "fatalities", "death", "deaths", "dead", "casualty", "casualties"))
"""Nouns that count deaths themselves: a bare toll that may restate the victims counted next to it."""
_REMOTE_CLASSES = frozenset(("ied", "shelling", "airstrike", "grenade", "suicide", "chemical"))
"""Weapons that hit their victims from afar: "killed in an IED blast" tells who suffered, not who fought."""

_LOOKBACK = 1500  # characters before a sentence searched for an event's place
_NEAREST = 12  # actors on each side of a trigger read as its possible agents and targets

_LOCATIVE_BEFORE = regex.compile(r"\b(?:in|at|near|around|outside|inside|into|from)\s++(?:the\s++)?$", regex.I)

_SPECIFICITY = {
    LocationKind.PLACE: 0,
    LocationKind.FEATURE: 1,
    LocationKind.ADMIN2: 2,
    LocationKind.ADMIN1: 3,
    LocationKind.REGION: 4,
    LocationKind.COUNTRY: 5,
}


class _Hits(Generic[V]):
    """Lexicon matches of the whole document, found in one pass, queried by offset with a bisect."""

    __slots__ = ("hits", "starts")

    def __init__(self, hits: list[tuple[int, int, V]]) -> None:
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def between(self, start: int, end: int) -> list[tuple[int, int, V]]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        if i == j:
            return []  # the common case, without building a comprehension
        return [h for h in self.hits[i:j] if h[1] <= end]

    def roles(self: _Hits[set[str]], start: int, end: int) -> set[str]:
        # one loop over the slice (no list of the hits in between first): a third of the instructions
        out: set[str] = set()
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        if i < j:
            for _, h_end, found in self.hits[i:j]:
                if h_end <= end:
                    out |= found
        return out


_DEMANDING_CROWDS = _CROWD_KINDS | {ActorKind.GENERIC, ActorKind.IDENTITY_MILITIA}
"""Who may make a crowd's demand a protest ("a group of residents blocked the highway to demand …")."""

_TAKING_WORDS = ("captured", "seized")
"""The bare triggers whose object decides between taking people and taking a place."""
_CAPTURED_WORD = regex.compile(r"\s++(?:[\d,]++|\p{Ll}++)(?=\s)")
"""A word between "captured" and whom it took: "captured 2", "captured the", "captured two more"."""


def _captured_fighters(doc: _DocIndex, trig: _Trigger) -> str:
    """
    Whether a bare "captured" or "seized" takes an armed side's members, not a place: "object" for
    "captured 2 rebels", "subject" for "300 fighters had been killed or captured", else "".
    """
    text = doc.text
    if text[trig.start : trig.end].lower() not in _TAKING_WORDS:
        return ""
    if _PASSIVE_BEFORE_CAPTURE.search(text, max(0, trig.start - 30), trig.start):
        k = bisect.bisect_left(doc._am_starts, trig.start) - 1
        if k >= 0 and trig.start - doc.actor_mentions[k][1] <= 30:
            return "subject" if doc.actors_by_id[doc.actor_mentions[k][2]].kind in ARMED_KINDS else ""
        return ""
    pos = trig.end
    for _ in range(3):
        k = pos
        while k < len(text) and text[k] == " ":
            k += 1
        first = doc.actor_at(k)
        if first is not None:
            return "object" if first.kind in ARMED_KINDS else ""
        m = _CAPTURED_WORD.match(text, pos)
        if m is None:
            return ""
        pos = m.end()
    return ""


_PASSIVE_BEFORE_CAPTURE = regex.compile(r"(?<!\p{L})(?:been|were|was)\s++(?:\p{Ll}++\s++or\s++)?$")
_WHICH_BEFORE = regex.compile(r",\s++which\s++(?:\p{L}++\s++){1,4}?(?:had\s++|has\s++)?$")
"""", which the RSF (had) seized": a relative clause whose object is the noun before the comma."""


_FRAME_REACH = 2
"""How many sentences back a paragraph's opening time still dates an event told without one."""
_FRAME_OPENING = regex.compile(r"(?:\W*+(?:On|on|In|in|Around|around|As reported on|as reported on|By|by))?\W*+")
"""What may stand before a time that opens its sentence: "On 28 April", "Around 5 May", "As reported on …"."""
_PERFECT = regex.compile(r"(?<!\w)(?:had|has|have|'d|'s been)(?!\w)", regex.IGNORECASE)
"""An auxiliary of the perfect: a clause that holds one tells what happened before the narrative's day."""


def _seized_place(doc: _DocIndex, trig: _Trigger) -> bool:
    """True for "In El Fasher, which the RSF seized …": "seized" or "captured" a place named right before."""
    text = doc.text
    if text[trig.start : trig.end].lower() not in _TAKING_WORDS:
        return False
    m = _WHICH_BEFORE.search(text, max(0, trig.start - 60), trig.start)
    if m is None:
        return False
    k = bisect.bisect_left(doc._lm_starts, m.start()) - 1
    return k >= 0 and doc.loc_mentions[k][1] == m.start()


_START_END = operator.itemgetter(0, 1)

_NAME_RULES = frozenset(("actors/known-group", "actors/organization", "actors/media", "actors/known-person"))
"""The rules of actors found by name: words inside their mentions are part of a name."""


def _in_names(names: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the sorted, non-overlapping *names*."""
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and names[k][0] <= start and end <= names[k][1]


class _DocIndex:
    """Earlier findings indexed by offset, so argument look-ups cost a bisect, not a scan."""

    def __init__(self, context: Context, parser: EventParser) -> None:
        self.text = context.text
        self.cues: _Hits[str] = _Hits(list(parser._cue_matcher.finditer(context.analysis, overlapping=True)))
        self.nouns: _Hits[set[str]] = _Hits(list(parser._noun_matcher.finditer(context.analysis)))
        self.analysis = context.analysis
        self.actors_by_id: dict[str, Actor] = {a.id: a for a in context.actors}
        self._para_starts = [s for s, _ in context.analysis.paragraphs]
        # sources (outlets, "reports", "analysts") speak about events; they never fight in them
        parties = [a for a in context.actors if _is_party(a)]
        self.actor_mentions = [(sp.start, sp.end, a.id) for a in parties for sp in a.mentions]
        self.actor_mentions.sort()
        self.officials = [
            (sp.start, sp.end, a.id)
            for a in context.actors
            if a.kind is ActorKind.ANONYMOUS_SOURCE and a.country is not None
            for sp in a.mentions
        ]
        self.officials.sort()
        self._official_starts = [m[0] for m in self.officials]
        self._am_starts = [m[0] for m in self.actor_mentions]
        # the mentions that can place an event: no metonym ("Moscow refuses"), no country named as an actor
        # ("Russia has claimed"), each with whether a locative word stands before it ("in", "near the")
        self.loc_mentions: list[tuple[int, int, Location, bool]] = []
        mentions = [(sp.start, sp.end, place) for place in context.locations for sp in place.mentions]
        mentions.sort()
        datelines = context.analysis.datelines if mentions else []
        for s, e, place in mentions:
            inside = self._actors_in(s, e)
            if place.metonym or (inside and any(s < ae and as_ < e for as_, ae, _ in inside)):
                continue
            if datelines and any(ds <= s and e <= de for ds, de in datelines):
                continue  # "KHARTOUM, Nov 20 (Reuters) -": where the story was filed, not where it happened
            self.loc_mentions.append((s, e, place, bool(_LOCATIVE_BEFORE.search(self.text, max(0, s - 12), s))))
        self._lm_starts = [m[0] for m in self.loc_mentions]
        self.times = [(t.span.start, t.span.end, t) for t in context.times if t.start is not None]
        self.times.sort(key=_START_END)  # a stable sort on the offsets alone
        self._t_starts = [t[0] for t in self.times]
        self.killed = self._killed_index(context.quantities)
        self.claims: list[Claim] = []
        self._claim_starts: list[int] = []
        if context.claims:
            self.claims = sorted(context.claims, key=lambda c: min(c.span.start, c.content.start))
            self._claim_starts = [min(c.span.start, c.content.start) for c in self.claims]
        self._claim_cache: dict[tuple[int, int], Claim | None] = {}
        self._spans: dict[tuple[int, int], Span] = {}
        self._objects: dict[int, bool] = {}
        self._observers: dict[int, bool] = {}
        # the words that may open a clause ("as", "while"), found once for the document
        self.clause_words = context.analysis.indices_of(_CLAUSE_WORDS)
        self.clause_marks = context.analysis.offsets(_CLAUSE_MARKS)
        self.used_killed: set[str] = set()
        self._actors = context.actors
        self._armed_by_count: list[str] | None = None

    @property
    def armed_by_count(self) -> list[str]:
        """The armed actors, most mentioned first (in order of appearance on a tie); built on first use."""
        if self._armed_by_count is None:
            counts = {a.id: len(a.mentions) for a in self._actors if a.kind in ARMED_KINDS}
            # a stable sort, as Counter.most_common does
            self._armed_by_count = [a for a, _ in sorted(counts.items(), key=operator.itemgetter(1), reverse=True)]
        return self._armed_by_count

    def _killed_index(self, quantities: Sequence[Quantity]) -> Any:
        # "-2 killed" read as minus two (fuzz crash 741db8a4): a count of the dead is never negative
        qs = [
            (q.span.start, q)
            for q in quantities
            if q.kind == QuantityKind.KILLED and min(q.value or 0, q.low or 0, q.high or 0) >= 0
        ]
        qs.sort()
        starts = [s for s, _ in qs]
        self.any_killed = bool(qs)

        def killed(sentence: tuple[int, int]) -> list[Quantity]:
            i = bisect.bisect_left(starts, sentence[0])
            out = []
            while i < len(qs) and qs[i][0] < sentence[1]:
                out.append(qs[i][1])
                i += 1
            if len(out) > 1:
                # "one soldier was killed … [1 fatality]": a toll restated as a bare count of deaths is told once
                told = {q.value for q in out if not self._toll_word(q)}
                out = [q for q in out if not (self._toll_word(q) and q.value in told)]
            return out

        return killed

    def _toll_word(self, q: Quantity) -> bool:
        """True for a count of deaths as such ("1 fatality", "2 deaths"), not of people who died."""
        return q.noun is not None and self.text[q.noun.start : q.noun.end].lower() in _TOLL_WORDS

    def span(self, bounds: tuple[int, int]) -> Span:
        """The :class:`Span` of *bounds* (a sentence's), made once: spans are immutable, so events share it."""
        found = self._spans.get(bounds)
        if found is None:
            found = self._spans[bounds] = Span(start=bounds[0], end=bounds[1])
        return found

    def next_sentence_end(self, si: int, ahead: int = 1) -> int:
        """End of the sentence *ahead* sentences after sentence *si* (clipped to the text)."""
        sents = self.analysis.sentences
        return sents[min(si + ahead, len(sents) - 1)][1] if sents else len(self.text)

    def actor_at(self, pos: int) -> Actor | None:
        """The party whose mention starts at *pos*, if any."""
        i = bisect.bisect_left(self._am_starts, pos)
        if i < len(self.actor_mentions) and self.actor_mentions[i][0] == pos:
            return self.actors_by_id[self.actor_mentions[i][2]]
        return None

    def _actors_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self._am_starts, start)
        out = []
        while i < len(self.actor_mentions) and self.actor_mentions[i][0] < end:
            if self.actor_mentions[i][1] <= end:
                out.append(self.actor_mentions[i])
            i += 1
        return out

    def passive_before(self, lo: int, start: int) -> bool:
        """
        ``_PASSIVE.search(text, lo, start)``: an auxiliary (and an adverb) right before *start*.

        The pattern can only match where the word before *start* ends in an auxiliary or in "-ly"
        (white space alone follows it): that cheap test spares the search at most triggers.
        """
        an = self.analysis
        i = bisect.bisect_right(an.tok_ends, start) - 1
        if i < 0 or not an.tok_words[i].endswith(_PASSIVE_ENDS):
            return False
        return _PASSIVE.search(self.text, lo, start) is not None

    def is_object(self, start: int) -> bool:
        """:func:`_is_object` at *start*, read once per actor mention (every trigger near it asks again)."""
        found = self._objects.get(start)
        if found is None:
            found = self._objects[start] = _is_object(self.text, start)
        return found

    def observer(self, end: int) -> bool:
        """:func:`_observer` at *end*, read once per actor mention."""
        found = self._observers.get(end)
        if found is None:
            found = self._observers[end] = _observer(self.text, end)
        return found

    def arguments(
        self, trig: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], political: bool = False
    ) -> tuple[list[str], list[str], str]:
        """Agents and targets of a trigger from the actors in its clause (and sentence)."""
        text = self.text
        # the actors of the clause on each side of the trigger, the nearest dozen (a run-on clause may hold hundreds)
        before = self._actors_in(clause[0], trig.start)[-_NEAREST:]
        after = self._actors_in(trig.end, clause[1])[:_NEAREST]
        k = bisect.bisect_right(self._am_starts, trig.start) - 1
        if (
            k >= 0
            and self.actor_mentions[k][1] >= trig.end
            and self.actor_mentions[k][0] >= clause[0]
            and trig.cls not in _PROTEST_CLASSES  # a crowd's own word ("protesters") is left to crowd_first
        ):
            before = [*before, self.actor_mentions[k]]  # "Ukrainian drones attacked", "a mob of villagers": it acts
        if political and self.officials:
            # "Palestinian officials demanded …": a state's officials speak and act for it in political acts
            lo = bisect.bisect_left(self._official_starts, clause[0])
            hi = bisect.bisect_left(self._official_starts, trig.start)
            extra = [m for m in self.officials[lo:hi][-_NEAREST:] if m[1] <= trig.start]
            if extra:
                before = sorted([*before, *extra])[-_NEAREST:]
        agents: list[str] = []
        targets: list[str] = []
        rule = ""
        passive = (
            # "is resolutely refusing": a progressive, not a passive
            self.passive_before(max(clause[0], trig.start - 24), trig.start)
            and not text.endswith("ing", trig.start, trig.end)
        ) or _PASSIVE_INSIDE.search(text, trig.start, trig.end) is not None
        hit = (
            _HIT_BY_BEFORE.search(text, max(clause[0], trig.start - 60), trig.start)
            if not passive and trig.cls in _REMOTE_CLASSES
            else None
        )
        if hit is not None:
            # the names inside the by-phrase ("a Taliban-planted mine") placed it; the subject suffered it
            by = hit.start("by")
            agents = _unique(a[2] for a in before if a[0] >= by)
            targets = _unique(a[2] for a in before if a[0] < hit.start() and a[2] not in agents)
            return agents, targets, "+passive-by"
        m = _by_agent(text, trig.end, clause[1])
        if (
            m
            and not passive
            and _REDUCED_RELATIVE.match(text, trig.end + 1, m.end())
            and any(not self.is_object(a[0]) for a in before)
        ):
            m = None  # "militants attacked a checkpoint manned by soldiers": "by" belongs to the object's participle
        if m:
            by = [a for a in after if m.end() <= a[0] <= m.end() + 24]
            if by:
                agents = [by[0][2]]
                rule = "+passive-by"
                after = [a for a in after if a[2] not in agents]
        if passive:
            # "1 civilian was killed by militia members": the subject suffered the act
            targets = _unique(a[2] for a in before if a[2] not in agents)
            return agents, targets, rule + "+passive"
        if not agents:
            if _between(text, max(clause[0], trig.start - 5), min(clause[1], trig.end + 12)):
                agents = _unique(a[2] for a in after[:2])
                after = after[2:]
                rule = "+between"
            else:
                agents = _unique(a[2] for a in before if not self.is_object(a[0]) and not self.observer(a[1]))
                poss = [
                    a
                    for a in before
                    if (_is_possessive(text, a[1]) and a[1] >= trig.start - 3)
                    or (
                        a[1] == trig.start - 1
                        and text[a[1]] == " "
                        and not text.endswith(("ed", "ing"), trig.start, trig.end)
                        and _ARTICLE_BEFORE.search(text, max(clause[0], a[0] - 8), a[0])
                    )
                ]
                if poss:
                    agents = [poss[-1][2]]
                    rule = "+possessive"
        targets = _unique(a[2] for a in after if a[2] not in agents)
        if rule == "+passive-by" and not targets and not political and _REPELLED.fullmatch(text, trig.start, trig.end):
            # "LNA forces repelled an attack by GNA forces": the attackers began the fight, the subject held
            targets = _unique(a[2] for a in before if a[2] not in agents and not self.is_object(a[0]))
            rule += "+repelled"
        elif targets and not political and _REPELLED.fullmatch(text, trig.start, trig.end):
            # "Iraqi forces repelled an IS attack", "repulsed Afghan forces' attacks": who attacked started the fight
            first = next(a for a in after if a[2] == targets[0])
            if _ATTACK_AFTER.match(text, first[1], min(clause[1], first[1] + 12)):
                agents, targets = [targets[0]], _unique([*agents, *targets[1:]])
                rule += "+repelled"
        if targets and not political and _EXCHANGE.fullmatch(text, trig.start, trig.end):
            # "armed men exchanged fire with police": no side attacked the other; ACLED names the state's forces first
            state = [t for t in targets if self.actors_by_id[t].kind in _STATE_KINDS]
            if state and not any(self.actors_by_id[a].kind in _STATE_KINDS for a in agents):
                agents, targets = [state[0]], _unique([*agents, *(t for t in targets if t != state[0])])
                rule += "+state-first"
        if political and agents and targets and trig.cls == "consult":
            agents = _unique([*agents, *targets])  # consultations have no victim: both sides act
            targets = []
        if not political and not targets:
            # other armed actors of the sentence that are not on the agents' side
            agent_countries = {self.actors_by_id[a].country for a in agents}
            for _s, _e, aid in self._actors_in(*sentence):
                act = self.actors_by_id[aid]
                if aid not in agents and act.kind in ARMED_KINDS and act.country not in agent_countries:
                    targets.append(aid)
                    rule += "+sentence-target"
                    break
        return agents, targets, rule

    def complete_arguments(
        self, cls: str, agents: list[str], targets: list[str], location: Location | None
    ) -> tuple[list[str], list[str]]:
        """Fill a missing side from the document's main dyad; add a state's forces next to its government."""
        agents = list(agents)
        if cls in _MILITARY_CLASSES or cls in ("attack",):
            for aid in list(agents):
                act = self.actors_by_id[aid]
                if act.kind == ActorKind.GOVERNMENT and act.country:
                    forces = self.forces_of(act.country)
                    if forces and forces not in agents:
                        agents.insert(0, forces)
        if cls in _VIOLENT_CLASSES and not agents and targets:
            opp = self.opponent_of(targets[0])
            if opp:
                agents = [opp]
        if cls == "disrupted" and not agents and location is not None and location.country:
            # drones shot down over a country: its own forces did it
            own = self.forces_of(location.country)
            if own:
                agents = [own]
        return agents, targets

    def crowd_first(
        self, cls: str, agents: list[str], targets: list[str], sentence: tuple[int, int], si: int
    ) -> tuple[list[str], list[str]]:
        """
        A protest's or riot's agent is its crowd; police who disperse it are its targets.

        "Police dispersed a sit-in held by nurses": the crowd of the sentence (else of the next two
        sentences, else of the paragraph before, up to 1,500 characters) is the agent; forces that were
        read as agents become targets. Nothing changes when no crowd actor is in sight.
        """
        want = (ActorKind.RIOTERS, ActorKind.PROTESTERS) if cls == "riot" else (ActorKind.PROTESTERS, ActorKind.RIOTERS)
        by = self.actors_by_id
        if any(by[a].kind in want for a in agents):
            return agents, targets
        crowd = None
        back = max(self.paragraph_start(sentence[0]), sentence[0] - _LOOKBACK)  # bounded: no rescan of the document
        for lo, hi in ((sentence[0], sentence[1]), (sentence[1], self.next_sentence_end(si, 2)), (back, sentence[0])):
            found = [m for m in self._actors_in(lo, hi) if by[m[2]].kind in want]
            if found:
                crowd = min(found, key=lambda m: (want.index(by[m[2]].kind), m[0]))[2]
                break
        if crowd is None:
            return agents, targets
        moved = [a for a in agents if by[a].kind in ARMED_KINDS]
        rest = [a for a in agents if a not in moved]
        return [crowd, *rest], _unique([*moved, *(t for t in targets if t != crowd)])

    def forces_of(self, country: str) -> str | None:
        for aid in self.armed_by_count:
            a = self.actors_by_id[aid]
            if a.country == country and a.kind == ActorKind.STATE_FORCES:
                return aid
        return None

    def opponent_of(self, aid: str) -> str | None:
        """The most-mentioned armed actor of another country: the other side of the document's dyad."""
        country = self.actors_by_id[aid].country
        if country is None:
            return None
        for other in self.armed_by_count:
            o = self.actors_by_id[other]
            if o.country and o.country != country:
                return other
        return None

    def paragraph_start(self, offset: int) -> int:
        """Start of the paragraph holding *offset*."""
        paras = self.analysis.paragraphs
        i = bisect.bisect_right(self._para_starts, offset) - 1
        return paras[i][0] if i >= 0 else 0

    def location(
        self,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        trig: _Trigger,
        agents: list[str],
        political: bool = False,
    ) -> Location | None:
        """
        The most specific place of the clause, else of the sentence, else (for a conflict event) of the sentences
        before it in its paragraph ("Sudzha was hit again. Drones struck the town"); nearest to the trigger
        breaks ties.
        """
        scopes = [clause, sentence]
        if not political:
            # the paragraph before the sentence, as far back as a few sentences go
            para = max(self.paragraph_start(sentence[0]), sentence[0] - _LOOKBACK)
            if para < sentence[0]:
                scopes.append((para, sentence[0]))
        for lo, hi in scopes:
            i = bisect.bisect_left(self._lm_starts, lo)
            best: tuple[tuple[int, int, int], Location] | None = None
            while i < len(self.loc_mentions) and self.loc_mentions[i][0] < hi:
                s, _e, loc, locative = self.loc_mentions[i]
                i += 1
                if political and trig.end <= s <= trig.end + 2:
                    continue  # the object of a political act ("accused Russia"), not where it happened
                key = (_SPECIFICITY.get(loc.kind, 6), 0 if locative else 1, abs(s - trig.start))
                if best is None or key < best[0]:
                    best = (key, loc)
            if best is not None:
                return best[1]
        return None

    def time(self, clause: tuple[int, int], sentence: tuple[int, int]) -> TimeExpression | None:
        """
        The first resolved time of the clause, else of the sentence, else the frame of the paragraph's
        narrative; never the publication date.

        A frame is a day that opens an earlier sentence of the paragraph ("On 28 April 2020, police chased a
        car. A shoot-out broke out.": the shoot-out is of 28 April); a sentence told in the perfect ("had been
        abducted", "has attacked") steps out of the narrative and takes none, and so does any sentence after
        one with a time of its own in the middle or a coarser one ("Last month", "In 2014").
        """
        for lo, hi in (clause, sentence):
            i = bisect.bisect_left(self._t_starts, lo)
            if i < len(self.times) and self.times[i][0] < hi:
                t: TimeExpression = self.times[i][2]
                return t
        if not self.times or self._t_starts[0] >= sentence[0] or _PERFECT.search(self.text, *clause):
            return None
        para = self.paragraph_start(sentence[0])
        sents = self.analysis.sentences
        si = self.analysis.sentence_index(sentence[0])
        for sj in range(si - 1, max(-1, si - 1 - _FRAME_REACH), -1):
            s_start, s_end = sents[sj]
            if s_start < para:
                break
            i = bisect.bisect_left(self._t_starts, s_start)
            if i < len(self.times) and self.times[i][0] < s_end:
                # the sentence's own time: a frame when it opens the sentence and names a day, else no frame at all
                t = self.times[i][2]
                opens = _FRAME_OPENING.fullmatch(self.text, s_start, self.times[i][0]) is not None
                return t if opens and t.precision is Precision.DAY else None
        return None

    def claim_obj_for(self, trig: _Trigger) -> Claim | None:
        """The claim whose content holds the trigger, or whose cue comes just before it (a bisect, not a scan)."""
        key = (trig.start, trig.end)
        if key in self._claim_cache:
            return self._claim_cache[key]
        found = self._claim_obj_for(trig)
        self._claim_cache[key] = found
        return found

    def _claim_obj_for(self, trig: _Trigger) -> Claim | None:
        if not self.claims:
            return None
        i = bisect.bisect_right(self._claim_starts, trig.start)
        for c in self.claims[max(0, i - 4) : i]:
            if c.content.start <= trig.start and trig.end <= c.content.end:
                return c
            near_cue = c.cue_span is not None and c.cue_span.end <= trig.start <= c.cue_span.end + 40
            if near_cue and c.span.start <= trig.start < c.span.end:
                return c
        return None

    def claim_for(self, trig: _Trigger) -> str | None:
        c = self.claim_obj_for(trig)
        return c.id if c else None


def _by_agent(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``_BY_AGENT.match(text, start, end)``; not tried where an ASCII window holds no "by" (its reach: 42)."""
    window = text[start : min(end, start + 42)]
    if window.isascii() and "by" not in window.lower():
        return None
    m: regex.Match[str] | None = _BY_AGENT.match(text, start, end)
    return m


def _between(text: str, start: int, end: int) -> bool:
    """``_BETWEEN.search(text, start, end)``; not tried where an ASCII window holds no "between"."""
    window = text[start:end]
    if window.isascii() and "between" not in window.lower():
        return False
    return _BETWEEN.search(text, start, end) is not None


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


_OBJECT_BEFORE = regex.compile(
    r"(?<!\p{L})(?:against|on|at|targeting|toward|towards|of|with|near)\s++(?:the\s++)?$", regex.I
)
_ARTICLE_NAME_BEFORE = regex.compile(r"(?<!\p{L})(?!(?:by|and|or)\s)\p{Ll}++[ \t]++an?[ \t]++$")
"""
A verb and an indefinite article before a name: "struck a Hamas post" (not "by a Taliban-planted mine", whose
name is the agent, nor "police and a CRPF team").
"""
_POSSESSIVE = regex.compile(r"['\u2019]s?(?!\p{L})")


def _is_object(text: str, start: int) -> bool:
    """True for a mention after a preposition, or for a name used as a modifier after "a" ("struck a Hamas post")."""
    before = text[max(0, start - 20) : start]
    if _OBJECT_BEFORE.search(before):
        return True
    return (
        start < len(text)
        and text[start].isupper()
        and before.endswith((" a ", " an ", " a\t", " an\t"))
        and _ARTICLE_NAME_BEFORE.search(before) is not None
    )


_OBSERVED = regex.compile(
    r"\s++(?:also\s++|has\s++|have\s++|had\s++)?(?:observed|recorded|reported|documented|counted|monitored|noted|heard)\b",
    regex.IGNORECASE,
)


def _observer(text: str, end: int) -> bool:
    """ "The OSCE SMM observed 5 explosions": whoever observes or reports an act is not its agent."""
    return bool(_OBSERVED.match(text, end))


def _is_possessive(text: str, end: int) -> bool:
    return bool(_POSSESSIVE.match(text, end))


def _attach_orphan_fatalities(doc: _DocIndex, drafts: list[_Draft]) -> None:
    """Deaths stated in a sentence with no event belong to the event just before ("4 fatalities reported.")."""
    if not drafts or not doc.any_killed:
        return
    sentences_with_events = {(d.sentence.start, d.sentence.end) for d in drafts}
    violent = sorted((d for d in drafts if d.acled is not None), key=lambda d: d.sentence.start)
    if not violent:
        return
    starts = [d.sentence.start for d in violent]
    for s in doc.analysis.sentences:
        if s in sentences_with_events:
            continue
        killed = doc.killed(s)
        if not killed:
            continue
        i = bisect.bisect_left(starts, s[0])
        if i and not violent[i - 1].fatalities:
            violent[i - 1].fatalities = killed


def _fold_aftermath_casualties(doc: _DocIndex, drafts: list[_Draft]) -> list[_Draft]:
    """
    "Militiamen clashed near Qalanqal. Three people were killed.": the deaths told in the next sentence,
    with nobody named as the doer, are the toll of the fight before, not an attack of their own; so are the
    deaths of the same fight told in the two sentences after it (:func:`_same_fight`).
    """
    out: list[_Draft] = []
    last: _Draft | None = None  # the last violent event kept
    sentence_index = doc.analysis.sentence_index
    for d in sorted(drafts, key=lambda d: d.trigger.start):
        if (
            last is not None
            and d.acled is not None
            and last.sentence.start < d.sentence.start
            and doc.paragraph_start(last.sentence.start) == doc.paragraph_start(d.sentence.start)
        ):
            gap = sentence_index(d.sentence.start) - sentence_index(last.sentence.start)
            agentless_deaths = d.acled[0] == "Violence against civilians" and not d.agents and "+passive" in d.rule
            if (agentless_deaths and gap == 1) or (gap <= 2 and _same_fight(last, d, doc.text)):
                _add_toll(last, d)
                continue
        out.append(d)
        if d.acled is not None and d.acled[0] in _TOLL_HOSTS:
            last = d
    return out


_TOLL_HOSTS = frozenset(("Battles", "Explosions/Remote violence", "Riots", "Violence against civilians"))
"""The event types whose toll a following agentless "N were killed" tells."""


_BACK_REFERENCE = regex.compile(r"(?:him|her|them|he|she|they|the\s++victims?)\b", regex.IGNORECASE)
"""Victims told again ("ambushed and killed him", "the victim died"): the host has counted them already."""


def _add_toll(host: _Draft, d: _Draft) -> None:
    """Fold *d* into *host*: a mention of it, and its deaths when *host* has none or they add to them."""
    host.mentions.append(d.trigger)
    if not host.fatalities:
        host.fatalities = d.fatalities
    elif d.modality in (Modality.ASSERTED, Modality.REPORTED):
        # more dead told with the act ("Also 3 soldiers were killed"), not a toll restated after it,
        # nor one side's claim ("… but also claimed 15 soldiers died"): ACLED keeps the lower figure
        s, e = d.sentence.start, d.sentence.end
        more = [
            q
            for q in d.fatalities
            if q not in host.fatalities and s <= q.span.start < e and not _BACK_REFERENCE.match(q.text)
        ]
        host.fatalities = host.fatalities + more


def _same_fight(host: _Draft, d: _Draft, text: str) -> bool:
    """
    "LNA forces repelled an attack by GNA forces. Seven GNA soldiers were killed.": a killing (or the same kind
    of act again) told next, among the same sides, at no other place or date, is the toll of the act before;
    so is the act named again with "the" ("… clashed with Al Shabaab. Two militants were killed in the clash.").
    """
    if d.cls != host.cls and not d.rule.startswith("events/violence"):
        return False  # neither a killing ("were killed", resolved to a clash or an attack) nor the act again
    if d.time is not None and host.time is not None and d.time.start != host.time.start:
        return False
    if d.location is not None and host.location is not None and d.location.id != host.location.id:
        return False
    if d.cls == host.cls and text.endswith(("the ", "The "), 0, d.trigger.start):
        return True
    sides = {*host.agents, *host.targets}
    return all(a in sides for a in d.agents) and all(a in sides for a in d.targets)


def _fold_arrests_into_protests(doc: _DocIndex, drafts: list[_Draft]) -> list[_Draft]:
    """
    Arrests at a demonstration are part of it: ACLED codes them as the protest's intervention (or the riot),
    not as Arrests of their own. They become mentions of the protest or riot of their paragraph.
    """
    crowds: dict[int, _Draft] = {}
    for d in drafts:
        if d.cls in _PROTEST_CLASSES and d.acled is not None:
            crowds.setdefault(doc.paragraph_start(d.trigger.start), d)
    if not crowds:
        return drafts
    out: list[_Draft] = []
    for d in drafts:
        host = crowds.get(doc.paragraph_start(d.trigger.start)) if d.cls == "arrest" else None
        if host is None:
            out.append(d)
        else:
            host.mentions.append(d.trigger)
    return out


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per (type, place, date): later mentions join the first."""
    out: list[_Draft] = []
    keyed: dict[tuple[Any, ...], _Draft] = {}
    for d in sorted(drafts, key=lambda d: d.trigger.start):
        if d.location is None or d.time is None:
            out.append(d)
            continue
        key = (d.acled, d.plover, d.location.id, d.time.start, tuple(d.agents))
        first = keyed.get(key)
        if first is None:
            keyed[key] = d
            out.append(d)
            continue
        first.mentions.append(d.trigger)
        if not first.fatalities and d.fatalities:
            first.fatalities = d.fatalities
    return out
