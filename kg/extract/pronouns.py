"""Pronouns resolved by a learned mention-ranking model, or left alone when it is unsure.

For every third-person pronoun (he, she, it, they and their other forms) the entities an
article has mentioned in the three sentences before it are the candidates. Each
(pronoun, candidate) pair is described by what a reader weighs: agreement in gender, number
and animacy with what the article says of the candidate (its type, a first name, "Mr" or
"Ms", a "chairwoman", the pronouns already resolved to it), how far back its last mention
is and how many other candidates are nearer, the grammatical roles of the two, whether the
candidate is an argument of the pronoun's own verb ("Smith met him": him is not Smith), how
salient it is (mentions so far, first entity of the article), and whether one is quoted
and the other not. The resolution model (:func:`resolution_model`, a logistic regression
fitted by ``training/train_resolution.py`` on GUM's train documents and GAP) gives each
candidate the probability that it is the pronoun's antecedent; the pronoun joins the most
probable candidate when that probability reaches the model's threshold, chosen on GUM's dev
documents for precision. Below it the pronoun stays unresolved, and no relation is stated
through it. The model ranks: the candidates and "no antecedent among them" share one
probability (a softmax over their scores), so a candidate is sure when it clearly beats the
others, as for a reader.

The chooser is a parameter, so the training script walks the same candidates with the
gold answers (:data:`Chooser`).
"""

from __future__ import annotations

import bisect
import csv
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from kg.extract.clauses import is_misparsed_subject
from kg.learned import LogisticModel, bundled_model

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["PRONOUN_GENDER", "Candidate", "Chooser", "resolve_pronouns", "choice",
           "no_antecedent", "model_chooser", "resolution_model", "first_name_gender",
           "sentence_numbers"]

#: Third-person pronouns and the gender or number they carry (m, f, neuter n, plural p).
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "n", "its": "n", "itself": "n",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}
WINDOW = 3  # sentences back (the pronoun's own and the three before it)
_HONORIFICS = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
               "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f",
               "queen": "f", "princess": "f", "sister": "f"}
_GENDERED_NOUNS = {
    "m": {"man", "boy", "father", "husband", "son", "brother", "king", "prince", "uncle",
          "nephew", "grandfather", "spokesman", "chairman", "businessman", "actor", "widower"},
    "f": {"woman", "girl", "mother", "wife", "daughter", "sister", "queen", "princess", "aunt",
          "niece", "grandmother", "spokeswoman", "chairwoman", "businesswoman", "actress",
          "widow"},
}
_TYPE_GROUP = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
               "FAC": "place", "NORP": "group"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Candidate:
    """A cluster that may be what a pronoun (or a description, :mod:`kg.extract.definites`)
    refers to, with the features of the pair."""

    cluster: object  # kg.extract.coref.Cluster
    features: dict[str, float]


#: Given a pronoun and its candidates, the cluster it joins, or None.
Chooser = Callable[["Token", list[Candidate]], object]


def resolution_model() -> LogisticModel:
    """The bundled model (``kg/data/resolution_model.json``)."""
    return bundled_model("resolution_model.json")


def no_antecedent(token: Token, found: list[Candidate]) -> dict[str, float]:
    """The features of the option "none of these candidates" (an expletive "it", a "they" for
    people never named)."""
    pronoun = PRONOUN_GENDER[token.lower_]
    return {"no antecedent": 1.0, f"no antecedent, pronoun {pronoun}": 1.0,
            f"no antecedent, candidates={min(len(found), 4)}": 1.0,
            f"no antecedent, pronoun {_role(token)}": 1.0}


def choice(model: LogisticModel, token: Token, found: list[Candidate]) -> tuple[float, int | None]:
    """The most probable candidate's probability and index (None when there is none)."""
    return model.best_option([c.features for c in found], no_antecedent(token, found))


def model_chooser(model: LogisticModel | None = None) -> Chooser:
    """The candidate the model finds most probable, when at or above its threshold."""
    model = model or resolution_model()

    def choose(token: Token, found: list[Candidate]):
        probability, best = choice(model, token, found)
        return found[best].cluster if best is not None and probability >= model.threshold else None

    return choose


@cache
def _first_names() -> dict[str, str]:
    path = resources.files("kg").joinpath("data/first_names.tsv")
    table = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            if len(row) >= 2:
                table[row[0]] = row[1]
    return table


def first_name_gender(name: str) -> str | None:
    """"m" or "f" when the first name is nearly always one in the bundled table, else None.

    >>> first_name_gender("John"), first_name_gender("Mary"), first_name_gender("Xqzt")
    ('m', 'f', None)
    """
    return _first_names().get(name.lower().strip("."))


def sentence_numbers(doc: Doc) -> dict[int, int]:
    """Token index -> sentence number; a stray quote or blank line is no sentence of its own."""
    numbers, number = {}, -1
    for sentence in doc.sents:
        if any(t.is_alpha for t in sentence):
            number += 1
        for i in range(sentence.start, sentence.end):
            numbers[i] = max(number, 0)
    return numbers


def resolve_pronouns(result, choose: Chooser) -> None:
    """Give each third-person pronoun of ``result`` (an ArticleEntities) the cluster ``choose``
    picks among its candidates, in text order (so later pronouns see earlier choices)."""
    sweep = _Sweep(result)
    for token in result.doc:
        if token.i in result.token_cluster or token.tag_ not in ("PRP", "PRP$") or \
                token.lower_ not in PRONOUN_GENDER:
            continue
        chosen = choose(token, sweep.candidates(token))
        if chosen is not None:
            sweep.add(chosen, token)


class _Sweep:
    """What the article has said up to a token, kept as the pronoun step moves through it
    (one pass over the mentions, so a long article costs time in proportion to its length)."""

    def __init__(self, result) -> None:
        self.result = result
        self.numbers = sentence_numbers(result.doc)
        self.quoted = _quoted_tokens(result.doc)
        self.mentions = sorted((((m.start, m.end), m, c) for m, c in result.mentions_in_order()),
                               key=lambda item: item[0])
        self.position = 0
        self.counts: Counter = Counter()
        self.latest: dict[int, tuple] = {}  # cluster id -> (latest mention, cluster)
        self.subjects: dict[int, set[int]] = {}  # sentence number -> clusters that are subjects
        self.votes: dict[int, tuple[int, Counter]] = {}  # cluster id -> (mentions seen, votes)
        self.first = min(result.clusters.values(), key=lambda c: c.first_token(), default=None)
        self.covering: dict[int, set[int]] = {}  # token -> clusters with a mention around it
        for _, mention, cluster in self.mentions:
            for i in range(mention.start, mention.end):
                self.covering.setdefault(i, set()).add(cluster.id)

    def add(self, cluster, token: Token) -> None:
        self.result.add_mention(cluster, token.i, token.i + 1, "pronoun")
        mention = cluster.mentions[-1]
        bisect.insort(self.mentions, ((mention.start, mention.end), mention, cluster),
                      key=lambda item: item[0])

    def _advance(self, token_i: int) -> None:
        doc = self.result.doc
        while self.position < len(self.mentions) and self.mentions[self.position][0][0] < token_i:
            _, mention, cluster = self.mentions[self.position]
            self.position += 1
            self.counts[cluster.id] += 1
            if mention.kind != "demonym":
                self.latest[cluster.id] = (mention, cluster)
            if _span_role(doc, mention) == "subject":
                self.subjects.setdefault(self.numbers[mention.end - 1], set()).add(cluster.id)

    def gender(self, cluster) -> str | None:
        """The cluster's gender (:func:`_gender_votes`), counting only mentions new since
        the last time it was asked."""
        seen, votes = self.votes.get(cluster.id, (0, Counter()))
        if seen < len(cluster.mentions):
            votes = votes + _gender_votes(self.result.doc, cluster.mentions[seen:])
            self.votes[cluster.id] = (len(cluster.mentions), votes)
        return _decided(votes)

    def candidates(self, token: Token) -> list[Candidate]:
        """The clusters mentioned in the window before ``token``, nearest first, with features."""
        self._advance(token.i)
        here = self.numbers[token.i]
        pronoun = PRONOUN_GENDER[token.lower_]
        order = sorted(self.latest.values(), key=lambda pair: -pair[0].start)
        order = [(m, c) for m, c in order if here - self.numbers[m.end - 1] <= WINDOW and
                 not (pronoun in ("m", "f") and c.type == "PERSON" and self.gender(c) not in (None, pronoun))]
        busiest = max(self.counts, key=lambda c: (self.counts[c], -c), default=None)
        previous_subjects = self.subjects.get(here - 1, set())
        people = sum(1 for _, c in order if c.type == "PERSON")
        same_kind: Counter = Counter()
        found = []
        for rank, (mention, cluster) in enumerate(order):
            kind = _TYPE_GROUP.get(cluster.type, "other")
            context = {"rank": rank, "distance": here - self.numbers[mention.end - 1],
                       "count": self.counts[cluster.id], "first": cluster is self.first,
                       "previous subject": cluster.id in previous_subjects, "kind rank": same_kind[kind],
                       "busiest": cluster.id == busiest, "people": people, "gender": self.gender(cluster)}
            same_kind[kind] += 1
            context["around"] = cluster.id in self.covering.get(token.i, ())
            found.append(Candidate(cluster, _pair_features(self.result, token, mention, cluster, context,
                                                           self.quoted)))
        return found


def _pair_features(result, token: Token, mention, cluster, context: dict,
                   quoted: set[int]) -> dict[str, float]:
    doc = result.doc
    pronoun = PRONOUN_GENDER[token.lower_]
    group = _TYPE_GROUP.get(cluster.type, "other")
    root = doc[mention.start:mention.end].root
    distance = context["distance"]
    where = "same sentence" if distance == 0 else "before"
    features = {
        "bias": 1.0,
        f"pronoun {pronoun}, candidate {group}": 1.0,
        f"pronoun {pronoun}, candidate {group} {_type_source(cluster)}": 1.0,
        f"sentences back={min(distance, 3)}": 1.0,
        f"rank={min(context['rank'], 4)}": 1.0,
        f"rank among its kind={min(context['kind rank'], 2)}": 1.0,
        f"candidate mention {mention.kind}": 1.0,
        f"roles {_span_role(doc, mention)}->{_role(token)}, {where}": 1.0,
        "log mentions so far": math.log1p(context["count"]),
    }
    if context["first"]:
        features["first entity of the article"] = 1.0
    if context["busiest"]:
        features["most mentioned so far"] = 1.0
    if pronoun in "mf" and group == "person":
        features[f"people in the window={min(context['people'], 3)}"] = 1.0
    if context["previous subject"]:
        features["subject of the previous sentence"] = 1.0
    gender = context["gender"]
    if pronoun in "mf" and group == "person":
        features["gender unknown" if gender is None else "gender agrees"] = 1.0
    if context["around"]:
        features["pronoun inside the candidate's mention"] = 1.0  # "SpaceX, his company"
    elif _co_argument(root, token):
        features["candidate is an argument of the pronoun's verb"] = 1.0
    elif distance == 0 and _clause_subject(token) is not None and \
            result.token_cluster.get(_clause_subject(token).i) == cluster.id:
        features[f"candidate is the subject of the pronoun's clause, pronoun {_role(token)}"] = 1.0
    elif distance == 0 and _governing_subject(token) is not None and \
            result.token_cluster.get(_governing_subject(token).i) == cluster.id:
        features[f"candidate is the subject of the clause governing the pronoun's, pronoun {pronoun}"] = 1.0
    if (token.i in quoted) != (mention.start in quoted):
        features["one quoted, the other not"] = 1.0
    return features


def _type_source(cluster) -> str:
    """Whether a cluster's type is known (alias table, or what the text calls it) or guessed
    by the NER alone: a reader is surer an organisation is no "he" when the text says so."""
    return "known" if cluster.known or cluster.kinds else "guessed"


def _clause_verb(token: Token) -> Token:
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause a token is in ("Musk ramped up his campaign": Musk)."""
    return next((c for c in _clause_verb(token).children if c.dep_ in _SUBJECT_DEPS and c.i != token.i),
                None)


def _governing_subject(token: Token) -> Token | None:
    """The subject of the clause that governs the token's ("Apple said it would open": Apple)."""
    verb = _clause_verb(token)
    if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "relcl") or verb.head.i == verb.i:
        return None
    return next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)


def _span_role(doc: Doc, mention) -> str:
    """A mention's role: the most telling of its words' ("Elon Musk" where the parser made
    "Elon" a root of its own is still the subject)."""
    roles = {_role(t) for t in doc[mention.start:mention.end]}
    return next(r for r in ("subject", "object", "possessive", "other") if r in roles or r == "other")


def _role(token: Token) -> str:
    if token.dep_ in _SUBJECT_DEPS or is_misparsed_subject(token):
        return "subject"
    if token.dep_ in ("dobj", "obj", "iobj", "pobj", "dative"):
        return "object"
    if token.dep_ == "poss":
        return "possessive"
    if token.dep_ == "appos" and token.head.dep_ in _SUBJECT_DEPS:
        return "subject"
    return "other"


def _co_argument(candidate: Token, pronoun: Token) -> bool:
    """"Smith met him": both arguments of one verb, and the pronoun is not reflexive."""
    if pronoun.dep_ == "poss" or pronoun.lower_.endswith(("self", "selves")):
        return False
    head = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    other = candidate.head.head if candidate.dep_ == "pobj" else candidate.head
    return head.i == other.i and candidate.dep_ != "poss"


def _gender_votes(doc: Doc, mentions) -> Counter:
    """What mentions say of a person's gender: pronouns resolved to it, a title ("Mr",
    "Ms"), a gendered noun it is called ("the chairwoman"), its first name."""
    votes: Counter = Counter()
    for mention in mentions:
        span = doc[mention.start:mention.end]
        if mention.kind == "pronoun":
            gender = PRONOUN_GENDER.get(span.text.lower())
            if gender in ("m", "f"):
                votes[gender] += 2
            continue
        before = doc[mention.start - 1].lower_.strip(".") if mention.start else ""
        if before in _HONORIFICS:
            votes[_HONORIFICS[before]] += 3
        for gender, nouns in _GENDERED_NOUNS.items():
            if span.root.lower_ in nouns:
                votes[gender] += 2
        if mention.kind == "name" and len(span) > 1:
            gender = first_name_gender(span[0].text)
            if gender:
                votes[gender] += 1
    return votes


def _decided(votes: Counter) -> str | None:
    top = votes.most_common()
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _quoted_tokens(doc: Doc) -> set[int]:
    """Tokens between opening and closing quotation marks within a paragraph."""
    inside, quoted = False, set()
    for token in doc:
        if token.is_quote and token.text not in ("'", "’"):
            inside = not inside
            continue
        if "\n\n" in token.text_with_ws:
            inside = False
        if inside:
            quoted.add(token.i)
    return quoted
