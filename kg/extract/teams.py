"""Countries that play: a country's name used for its national team in a match report.

"Sweden defeated South Korea 1 – 0", "Tunisia lost 1 – 2 to England", "Lukaku doubled the
lead for Belgium": a reader takes these for the teams, not the states; a graph that made
them relations between countries would tell an analyst that Sweden and South Korea are in
conflict. kg reads an article's country as its team when the article plays a match
between countries: at least two countries (or nations: England, Scotland) of the article
each do what only a side in a game does, in a sentence that speaks of a game (a score such
as "1 – 0", or a word such as match, goal, cup, tournament, stadium, penalty):

- one country beats, defeats, faces, plays, draws with, thrashes or eliminates another
  ("Sweden faced South Korea"), or loses to another ("Tunisia lost to England");
- a score between two countries: "Sweden 1 – 0 Korea Republic";
- a goal, lead, point or penalty for or against a country ("the lead for Belgium").

Such a country becomes, in that article, an organisation of its own, labelled "Sweden
national team" (so that across articles it joins the other reports on the team, never the
state); its mentions stay as written. A country that plays in no sentence stays the
country, and so does every country of an article with only one such side; "France
defeated Germany at Sedan in 1870" speaks of no game.

>>> from kg.extract.coref import resolve_mentions
>>> from kg.gazetteer import Gazetteer
>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Sweden defeated South Korea 1 – 0 in Nizhny Novgorod.")
>>> result = resolve_mentions(doc, Gazetteer.bundled())
>>> result.cluster_of(doc[0]).label, result.cluster_of(doc[0]).type
('Sweden national team', 'ORG')
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.extract.clauses import expand, prepositional_objects
from kg.extract.mentions import TEAM_KIND

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.gazetteer import Gazetteer

__all__ = ["national_teams"]

# verbs one side of a game does to the other
_MATCH_VERBS = {"beat", "defeat", "face", "play", "draw", "thrash", "eliminate", "edge",
                "overcome", "outplay", "tie"}
# nouns a goal, a lead or points are "for" or "against" a side with
_SCORE_NOUNS = {"goal", "lead", "point", "penalty", "equaliser", "equalizer", "header", "win",
                "victory"}
# words of a sentence that speaks of a game
_GAME_WORDS = {"match", "game", "goal", "cup", "tournament", "championship", "league", "penalty",
               "stadium", "final", "semi-final", "quarter-final", "fixture", "kick-off", "half-time",
               "world cup", "olympics", "score", "scoreline", "referee", "squad", "coach", "striker",
               "goalkeeper", "midfielder", "defender", "header", "half"}
_DASHES = ("–", "-", "—", ":")


def national_teams(result, gazetteer: Gazetteer) -> int:
    """Read the countries of a match report as their national teams (see the module); how
    many clusters were."""
    countries = {c.id: c for c in result.clusters.values()
                 if c.type == "GPE" and _is_country(c, result.doc, gazetteer)}
    if len(countries) < 2:
        return 0
    playing = {cluster_id for cluster_id in countries
               if any(_plays(result, countries, t) for t in _heads(result, countries[cluster_id]))}
    if len(playing) < 2:
        return 0
    for cluster_id in playing:
        cluster = countries[cluster_id]
        count = sum(cluster.ner_labels.values()) or 1
        cluster.known = None
        cluster.ner_labels = Counter({"ORG": count})
        cluster.kinds.add(TEAM_KIND)
    return len(playing)


def _is_country(cluster, doc, gazetteer: Gazetteer) -> bool:
    if cluster.known is not None:
        return gazetteer.place_kind(cluster.known.label) in ("country", "nation")
    names = {m.span(doc).text for m in cluster.mentions if m.kind == "name"}
    return bool(names) and all(gazetteer.place_kind(n) in ("country", "nation") for n in names)


def _speaks_of_a_game(sentence) -> bool:
    if any(t.lemma_.lower() in _GAME_WORDS for t in sentence):
        return True
    return any(t.like_num and t.nbor().text in _DASHES and t.i + 2 < len(t.doc) and t.nbor(2).like_num
               for t in sentence if t.i + 2 < sentence.end)


def _heads(result, cluster) -> list[Token]:
    return [m.span(result.doc).root for m in cluster.mentions if m.kind == "name"]


def _country_of(result, countries: dict, token: Token) -> int | None:
    cluster = result.cluster_of(token)
    return cluster.id if cluster is not None and cluster.id in countries else None


def _plays(result, countries: dict, token: Token) -> bool:
    """Whether this mention of a country is a side in a game."""
    if not _speaks_of_a_game(token.sent):
        return False
    me = _country_of(result, countries, token)
    head = token.head
    if token.dep_ in ("nsubj", "dobj") and head.lemma_.lower() in _MATCH_VERBS:
        others = [t for c in head.children if c.dep_ in ("nsubj", "dobj") and c.i != token.i
                  for t in expand(c)]
        others += prepositional_objects(head, ("with", "against"))
        if any(_country_of(result, countries, t) not in (None, me) for t in others):
            return True
    if token.dep_ == "nsubj" and head.lemma_.lower() == "lose" and any(  # "lost to England"
            _country_of(result, countries, c) not in (None, me)
            for c in prepositional_objects(head, ("to",))):
        return True
    if token.dep_ == "pobj" and head.lower_ in ("for", "against") and \
            head.head.lemma_.lower() in _SCORE_NOUNS:  # "the lead for Belgium"
        return True
    return _in_a_score(result, countries, token, me)


def _in_a_score(result, countries: dict, token: Token, me: int | None) -> bool:
    """"Sweden 1 – 0 Korea Republic", "Tunisia lost 1 – 2 to England": a country a few words
    before a score and another a few words after it, either way round."""
    sentence = token.sent
    for number in sentence:
        if not (number.like_num and number.i + 2 < sentence.end and number.nbor().text in _DASHES
                and number.nbor(2).like_num):
            continue
        before = result.doc[max(sentence.start, number.i - 4):number.i]
        after = result.doc[number.i + 3:min(sentence.end, number.i + 7)]
        for mine, theirs in ((before, after), (after, before)):
            if token.i in {t.i for t in mine} and any(
                    _country_of(result, countries, t) not in (None, me) for t in theirs):
                return True
    return False
