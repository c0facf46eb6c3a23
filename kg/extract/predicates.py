"""What a copula says an entity is, as a mention of it: "Noam Chomsky is a professor emeritus
at MIT", "Her mother was an artist from Mosul".

A reader takes the noun phrase after "is", "was", "became" or "remains" for another way of
naming its subject, as an apposition is ("Noam Chomsky, a professor emeritus at MIT"); GUM's
coreference does too. Each becomes a mention of the subject's entity, of kind
``predicate``, once the subject is known (a name, a resolved pronoun or description). Such a
mention claims no words: the copula's relations ("be professor at" MIT) are read from the same
words, as before. Not under negation ("X is not a member"), and only for a common noun with
a determiner or possessor ("a professor", "the president of Russia", "his brother"): not
"X is one of ..." nor "X is president".

>>> from kg.extract.coref import resolve_mentions
>>> from kg.gazetteer import Gazetteer
>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Noam Chomsky is a professor emeritus at MIT.")
>>> result = resolve_mentions(doc, Gazetteer.bundled())
>>> [(m.span(doc).text, m.kind) for c in result.clusters.values() for m in c.mentions
...  if c.label == "Noam Chomsky"]
[('Noam Chomsky', 'name'), ('a professor emeritus', 'predicate')]
"""

from __future__ import annotations

from kg.extract.clauses import clause_subjects
from kg.extract.lexicon import COPULAS
from kg.extract.mentions import ArticleEntities, MentionSpan
from kg.extract.qualifiers import is_negated
from kg.extract.roles import np_span

__all__ = ["predicate_nominals"]


def predicate_nominals(result: ArticleEntities) -> int:
    """Add what each copula says its subject is as a ``predicate`` mention of the subject's
    cluster; how many were added."""
    doc = result.doc
    added = 0
    for token in doc:
        if token.dep_ != "attr" or token.pos_ not in ("NOUN", "PROPN") or \
                token.i in result.token_cluster or token.head.lemma_.lower() not in COPULAS or \
                is_negated(token.head):
            continue  # a proper noun of no name: "a Professor at ..."
        if not any(c.dep_ in ("det", "poss") for c in token.children):
            continue
        subjects = clause_subjects(token.head)  # also "X (born 1978) is ...", "X, who is ..."
        cluster = result.cluster_of(subjects[0]) if subjects else None
        if cluster is None:
            continue
        start, end = np_span(token)
        while end > start and doc[end - 1].is_punct:
            end -= 1
        cluster.mentions.append(MentionSpan(start, end, "predicate"))
        added += 1
    return added
