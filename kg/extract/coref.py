"""Within-article coreference: which stretches of an article name the same entity.

Four kinds of mention are grouped into clusters, in this order:

1. ``name``: named-entity spans. "Musk" and "Elon" join "Elon Musk" (their words are
   part of a person's name); "The Journal" joins "The Wall Street Journal" (same head
   word); "U.S." joins "United States" (same row of the alias table). A person's surname
   on its own where the NER missed it ("Bos obtained his doctorate") joins that person.
2. ``appos``: appositions and titles. "the President of Russia, Vladimir Putin",
   "SpaceX, his rocket company", "President Vladimir Putin of Russia". Each records a
   *role fact* (Putin is president of Russia) that later descriptions are resolved by.
3. ``role``: definite descriptions such as "the Russian president" or "The Tesla C.E.O.",
   resolved to the person known (from this article, else from the alias table) to hold
   that role, preferring people not already named in the same sentence.
4. ``pronoun``: third-person pronouns, resolved by a learned mention-ranking model
   (:mod:`kg.extract.pronouns`) or left alone when it is unsure; then "I", "me" and "my"
   inside a quotation the article attributes to a person ('"I met him," said Levitt':
   :mod:`kg.extract.speakers`), and in an interview "I" of its answers and "you" of its
   questions for the person interviewed (:mod:`kg.extract.interviews`).

Along the way: what a sentence says a named thing is ("X is a town", "X, a software
company") overrules the NER's type; the countries of a match report are their national
teams ("Sweden defeated South Korea 1 – 0": :mod:`kg.extract.teams`); definite
descriptions of things ("the town", "the company") join the thing a learned
mention-ranking model finds they stand for, or stay alone when it is unsure
(:mod:`kg.extract.definites`, as a ``role`` mention); last, demonyms used as modifiers
("an American actor") become ``demonym`` mentions of their place.

Each step has its module: names :mod:`kg.extract.names` (which name joins which:
:mod:`kg.extract.name_joining`), demonyms :mod:`kg.extract.demonyms`, lone surnames
:mod:`kg.extract.surnames`, types :mod:`kg.extract.entity_types`, appositions, titles and
descriptions :mod:`kg.extract.roles`, national teams :mod:`kg.extract.teams`, descriptions
of things :mod:`kg.extract.definites`, pronouns :mod:`kg.extract.pronouns`, :mod:`kg.extract.speakers` and
:mod:`kg.extract.interviews`, over the records of
:mod:`kg.extract.mentions`. The rule-based steps are transparent, fast, and wrong in ways
one can read; the pronoun and definite description steps are learned.
:func:`resolve_mentions` runs them and returns an :class:`ArticleEntities`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.definites import Chooser as DefiniteChooser
from kg.extract.definites import model_chooser as definite_chooser
from kg.extract.definites import resolve_definites
from kg.extract.demonyms import demonyms
from kg.extract.entity_types import types_from_descriptions
from kg.extract.interviews import interview_speakers
from kg.extract.lexicon import ENTITY_LABELS
from kg.extract.mentions import ArticleEntities, Cluster, MentionSpan, RoleFact, cluster_label, role_noun
from kg.extract.missed_names import affiliation_names, described_names, shaped_names
from kg.extract.names import cluster_names, defined_aliases, repeated_names
from kg.extract.possessed import possessed_roles
from kg.extract.predicates import predicate_nominals
from kg.extract.pronouns import Chooser, model_chooser, resolve_pronouns
from kg.extract.roles import appositions_and_titles, descriptions, holder_cluster
from kg.extract.speakers import quoted_speakers
from kg.extract.surnames import repeated_surnames
from kg.extract.teams import national_teams
from kg.extract.title_patterns import title_patterns
from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MentionSpan", "Cluster", "RoleFact", "ArticleEntities", "resolve_mentions",
           "role_noun"]


def resolve_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    labels: tuple[str, ...] = ENTITY_LABELS,
    *,
    choose_pronoun: Chooser | None = None,
    choose_definite: DefiniteChooser | None = None,
) -> ArticleEntities:
    """Group the mentions of ``doc`` into per-entity clusters.

    ``choose_pronoun`` picks a pronoun's antecedent among its candidates; by default the
    bundled resolution model (:mod:`kg.extract.pronouns`). ``choose_definite`` picks what
    "the city" or "the company" stands for; by default the bundled definite model
    (:mod:`kg.extract.definites`)."""
    result = ArticleEntities(doc)
    # (cluster, role noun, holder token, start, end, via), resolved once pronouns are
    holder_tokens: list[tuple[int, str, int, int, int, str, str]] = []
    cluster_names(result, gazetteer, labels)
    described_names(result)
    affiliation_names(result, gazetteer)  # "Gary Chan of DAB": a party the NER missed
    shaped_names(result)  # "wikiHow", "podiobooks.com"
    defined_aliases(result)
    repeated_names(result)  # a name the NER found once and missed elsewhere
    repeated_surnames(result)
    appositions_and_titles(result, holder_tokens)
    types_from_descriptions(result, gazetteer)
    national_teams(result, gazetteer)  # a match report's countries are their teams
    repeated_surnames(result)  # again, now that "X is a mathematician" has made X a person
    title_patterns(result, holder_tokens, gazetteer)  # once types are known: no person holds
    descriptions(result, gazetteer)
    resolve_definites(result, choose_definite or definite_chooser())
    resolve_pronouns(result, choose_pronoun or model_chooser())
    quoted_speakers(result)  # after the pronouns: '"...," he said' has a speaker then
    interview_speakers(result)  # an interview's answers: "I" is the person interviewed
    predicate_nominals(result)  # "X is a professor at MIT": another way of naming X
    demonyms(result, gazetteer)
    for cluster_id, noun, holder_token, start, end, via, preposition in holder_tokens:
        holder = holder_cluster(result, holder_token, gazetteer)
        if holder is not None and holder != cluster_id:
            result.role_facts.append(RoleFact(cluster_id, noun, holder, start, end, via, preposition))
    possessed_roles(result)  # "his father", "its spokesman": whom the article named so
    for cluster in result.clusters.values():
        cluster.label = cluster_label(cluster, doc)
    return result
