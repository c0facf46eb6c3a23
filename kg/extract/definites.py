"""Definite descriptions of things ("the city", "the company", "the old town") resolved by a
learned mention-ranking model, or left alone when it is unsure.

A reader resolves "the city" to the city the article is about: the place the text called a
city ("Westmere is a hamlet ... the hamlet's school"), or whose name says so ("Duke
University ... the university"), or simply the last place of the right kind mentioned. For
every such description (a singular noun that names a kind of thing, kg's ``NOUN_TYPES``,
after "the", "this" or "that", not naming its own referent as "the town of Guilderland"
does) the non-person entities the article mentioned in the ``WINDOW`` sentences before it
are the candidates. Each (description, candidate) pair is described by what a reader
weighs: whether the text called the candidate by the noun or its name holds it, whether its
type fits the noun ("city": a place; "team": an organisation), whether the alias table
knows it as that kind of place ("the country" and France), how far back its last mention
is and how many fitting candidates are nearer, how often it was mentioned. The definite
model (``kg/data/definite_model.json``, fitted by ``training/train_definites.py`` on GUM's
train documents) gives each candidate, and "none of them", a probability (a softmax over
their scores, as the pronoun model of :mod:`kg.extract.pronouns`); the description joins the
most probable candidate (as a ``role`` mention) when that probability reaches the model's
threshold, chosen on GUM's dev documents for precision.

Examples
--------
>>> from kg.extract.definites import definite_model
>>> definite_model().about["threshold chosen on"].startswith("GUM dev")
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extract.mentions import NOUN_TYPES, ArticleEntities, Cluster, cluster_label
from kg.extract.pronouns import Candidate, sentence_numbers
from kg.gazetteer import Gazetteer
from kg.learned import LogisticModel, bundled_model

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MODEL_FILE", "WINDOW", "Candidate", "Chooser", "definite_model", "description_nouns",
           "candidates", "no_antecedent", "model_chooser", "resolve_definites"]

MODEL_FILE = "definite_model.json"
WINDOW = 8  # sentences back (the description's own and the eight before it)
_GROUPS = {"ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_DETERMINERS = ("the", "this", "that")


#: Given a description's noun and its candidates, the cluster it joins, or None.
Chooser = Callable[["Token", list[Candidate]], "Cluster | None"]


def definite_model() -> LogisticModel:
    """The bundled model (``kg/data/definite_model.json``)."""
    return bundled_model(MODEL_FILE)


def description_nouns(result: ArticleEntities) -> list[tuple[Token, int]]:
    """Each noun heading a definite description of a thing, with the description's first
    token: "the city", "this company", "the old town"; not "the towns", "the town of
    Guilderland" or "the company Havelsan" (which name their own referent)."""
    found = []
    for token in result.doc:
        noun = token.lemma_.lower()
        if token.pos_ != "NOUN" or token.tag_ != "NN" or token.i in result.token_cluster or \
                NOUN_TYPES.get(noun) in (None, "PERSON"):
            continue
        determiners = [c for c in token.children if c.dep_ == "det" and c.lower_ in _DETERMINERS]
        if not determiners or any(c.dep_ == "poss" for c in token.children):
            continue
        if any(c.dep_ in ("prep", "appos", "acl", "relcl") and c.lower_ not in ("in", "on", "at")
               for c in token.children):
            continue
        found.append((token, determiners[0].i))
    return found


def candidates(result: ArticleEntities, token: Token, sentence_of: dict[int, int]) -> list[Candidate]:
    """The non-person clusters mentioned in the ``WINDOW`` sentences up to the description,
    each with the features of the pair, the most recently mentioned first."""
    noun = token.lemma_.lower()
    wanted = NOUN_TYPES[noun]
    here = sentence_of[token.i]
    last: dict[int, int] = {}  # cluster id -> its last mention's first token before the noun
    for cluster in result.clusters.values():
        starts = [m.start for m in cluster.mentions if m.start < token.i]
        if starts and cluster.type != "PERSON":
            last[cluster.id] = max(starts)
    recent = sorted((i for i in last if here - sentence_of[last[i]] <= WINDOW),
                    key=lambda i: -last[i])
    modified = _modified(token)
    found, fitting_nearer = [], 0
    things = [c for c in result.clusters.values() if c.type != "PERSON"]
    first = min(things, key=lambda c: c.first_token(), default=None)  # the article's first thing
    for cluster_id in recent:
        cluster = result.clusters[cluster_id]
        called = noun in cluster.kinds
        named = _named_so(result, cluster, noun)
        fits = cluster.type == wanted or _GROUPS.get(cluster.type) == _GROUPS.get(wanted)
        back = here - sentence_of[last[cluster_id]]
        features = {
            "bias": 1.0,
            f"sentences back={min(back, 4)}": 1.0,
            f"fitting nearer={min(fitting_nearer, 2)}" if fits else "does not fit": 1.0,
            "log mentions": math.log1p(sum(1 for m in cluster.mentions if m.start < token.i)),
        }
        if called or named:
            features["called so" if called else "named so"] = 1.0
            if fitting_nearer == 0:  # the nearest thing of that kind: "SpaceX is a company. The company ..."
                features["called or named so, nearest"] = 1.0
        if fits:
            features["type fits"] = 1.0
            features[f"type fits, modified={modified}"] = 1.0
        if Gazetteer.bundled().place_kind(cluster_label(cluster, result.doc)) == noun:
            features["a known " + ("country" if noun == "country" else "place of that kind")] = 1.0
        if cluster is first:
            features["first thing of the article"] = 1.0
        if back == 0:
            features["same sentence"] = 1.0
        fitting_nearer += fits or called or named
        found.append(Candidate(cluster, features))
    return found


def no_antecedent(token: Token, found: list[Candidate]) -> dict[str, float]:
    """The features of the option "none of these candidates" (a city never named)."""
    features = {"no antecedent": 1.0, f"no antecedent, candidates={min(len(found), 4)}": 1.0,
                f"no antecedent, modified={_modified(token)}": 1.0,
                f"no antecedent, noun type {NOUN_TYPES.get(token.lemma_.lower())}": 1.0}
    if not any("called so" in c.features or "named so" in c.features for c in found):
        features["no antecedent, none called or named so"] = 1.0
    return features


def choice(model: LogisticModel, token: Token, found: list[Candidate]) -> tuple[float, int | None]:
    """The most probable candidate's probability and index (None when there is none)."""
    return model.best_option([c.features for c in found], no_antecedent(token, found))


def model_chooser(model: LogisticModel | None = None) -> Chooser:
    """The candidate the model finds most probable, when at or above its threshold."""
    model = model or definite_model()

    def choose(token: Token, found: list[Candidate]) -> Cluster | None:
        probability, best = choice(model, token, found)
        return found[best].cluster if best is not None and probability >= model.threshold else None

    return choose


def resolve_definites(result: ArticleEntities, choose: Chooser) -> None:
    """Join each definite description of a thing to the cluster ``choose`` picks."""
    sentence_of = sentence_numbers(result.doc)
    for token, start in description_nouns(result):
        cluster = choose(token, candidates(result, token, sentence_of))
        if cluster is not None:
            result.add_mention(cluster, start, token.i + 1, "role")


def _modified(token: Token) -> bool:
    """Whether the description's noun has modifiers ("the old town", "the USI gallery")."""
    return any(c.dep_ in ("amod", "compound") for c in token.children)


def _named_so(result: ArticleEntities, cluster: Cluster, noun: str) -> bool:
    """Whether the cluster's name begins or ends with the noun ("the university" of "Duke
    University" or "the University of Helsinki")."""
    doc = result.doc
    for mention in cluster.mentions:
        if mention.kind == "name":
            words = [t.lower_ for t in doc[mention.start:mention.end] if t.lower_ != "the"]
            if words and noun in (words[0], words[-1]) and len(words) > 1:
                return True
    return False
