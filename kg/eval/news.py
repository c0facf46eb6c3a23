"""Scoring kg on GUM's news (and its other genres): mentions, resolution, entities, relations.

Every score compares what kg built from a GUM document's text with GUM's gold, aligned by
character spans. A kg mention *aligns* with a gold mention when it contains the gold
mention's head token and lies inside the gold mention ("Cres Eastman" inside "Professor
Cres Eastman"). A kg entity *is* the gold chain that most of its aligned name mentions in
that document belong to.

- :func:`score_mentions`: named person / organisation / place mentions, typed.
- :func:`score_resolution`: pronouns and descriptions that GUM links to a named person,
  organisation or place: resolved to the right entity, to a wrong one, or left alone.
- :func:`score_entities`: one node per Wikipedia link: nodes holding two links (wrong
  merges), links on two nodes in one document or in the corpus (splits).
- :func:`score_relations`: kg's relations against the relation tables people read
  (``benchmarks/gold/gum/``), by subject and object names and by type or predicate words;
  :func:`miss_reasons` says why each row kg misses is missed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.eval.gold import states
from kg.eval.gum import GumDocument, GumMention, gum_name_span
from kg.graph import KnowledgeGraph
from kg.model import Mention, Relation
from kg.names import normalize_name

__all__ = ["COARSE_TYPES", "NAMING_DESCRIPTION", "NewsGold", "read_news_gold", "align", "entity_chains",
           "score_mentions", "score_resolution", "score_entities", "score_relations", "prf",
           "judgment_key", "read_judgments", "miss_reasons", "MISS_REASONS", "entity_names"]

#: kg's entity types and GUM's, on the three kinds both annotate.
COARSE_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "FAC": "place"}
GUM_KINDS = ("person", "organization", "place")
THIRD_PERSON = {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
                "theirs", "himself", "herself", "itself", "themselves"}


@dataclass(frozen=True)
class NewsGold:
    """One row of a GUM relation table: names are ``|``-separated alternatives."""

    document: str
    sentence: int
    subject: tuple[str, ...]
    predicate: str
    object: tuple[str, ...]
    type: str | None
    flags: tuple[str, ...]


def read_news_gold(folder: str | Path) -> dict[str, list[NewsGold]]:
    """The relation tables, by document (one ``DOCUMENT.tsv`` per document)."""
    tables = {}
    for path in sorted(Path(folder).glob("GUM_*.tsv")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            sentence, subject, predicate, obj, rtype, flags = (line.split("\t") + [""] * 6)[:6]
            rows.append(NewsGold(path.stem, int(sentence), _names(subject), predicate.strip(),
                                 _names(obj), rtype.strip() or None,
                                 tuple(f.strip() for f in flags.split(",") if f.strip())))
        tables[path.stem] = rows
    return tables


def _names(cell: str) -> tuple[str, ...]:
    return tuple(k for k in (normalize_name(n) for n in cell.split("|")) if k)


def prf(tp: int, fp: int, fn: int) -> dict:
    """Counts with precision, recall and F1.

    >>> prf(3, 1, 2)
    {'tp': 3, 'fp': 1, 'fn': 2, 'p': 0.75, 'r': 0.6, 'f': 0.667}
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 3), "r": round(r, 3), "f": round(f, 3)}


def align(doc: GumDocument, mention: Mention, gold: GumMention) -> bool:
    """Whether a kg mention stands for a gold mention (contains its head, inside it)."""
    head = doc.tokens[gold.head]
    return mention.start <= head.start and head.end <= mention.end and \
        gold.start <= mention.start and mention.end <= gold.end


def _aligned(doc: GumDocument, mentions: list[Mention], golds: list[GumMention]):
    """(kg mention, gold mention) pairs, each kg mention with the smallest gold it fits."""
    by_head = defaultdict(list)
    for gold in golds:
        by_head[gold.head].append(gold)
    token_at = {}
    for index, token in enumerate(doc.tokens):
        for char in range(token.start, token.end):
            token_at[char] = index
    for mention in mentions:
        tokens = {token_at[c] for c in range(mention.start, mention.end) if c in token_at}
        fitting = [g for t in tokens for g in by_head.get(t, ()) if align(doc, mention, g)]
        if fitting:
            yield mention, min(fitting, key=lambda g: (g.end - g.start, g.kind != "named"))


def entity_chains(doc: GumDocument, mentions: list[Mention]) -> dict[str, str]:
    """kg entity id -> the gold chain most of its name mentions in this document align with."""
    votes: dict[str, Counter] = defaultdict(Counter)
    named = [g for g in doc.mentions if g.kind == "named"]
    for mention, gold in _aligned(doc, [m for m in mentions if m.kind == "name"], named):
        votes[mention.entity][gold.chain] += 1
    return {entity: max(chains, key=lambda c: (chains[c], c)) for entity, chains in votes.items()}


def score_mentions(doc: GumDocument, mentions: list[Mention], types: dict[str, str]) -> dict:
    """Typed named-mention counts per GUM kind: tp, fp (kg's), fn (GUM's)."""
    gold = [g for g in doc.mentions if g.kind == "named" and g.type in GUM_KINDS]
    ours = [m for m in mentions if m.kind == "name" and COARSE_TYPES.get(types.get(m.entity, ""))]
    matched_gold, matched_ours = set(), set()
    for mention, found in _aligned(doc, ours, gold):
        if COARSE_TYPES[types[mention.entity]] == found.type and id(found) not in matched_gold:
            matched_gold.add(id(found))
            matched_ours.add(id(mention))
    counts = {kind: Counter() for kind in GUM_KINDS}
    for g in gold:
        counts[g.type]["tp" if id(g) in matched_gold else "fn"] += 1
    for m in ours:
        if id(m) not in matched_ours:
            counts[COARSE_TYPES[types[m.entity]]]["fp"] += 1
    return {kind: dict(c) for kind, c in counts.items()}


def _resolution_kind(gold: GumMention) -> str:
    if gold.kind == "pronoun":
        return "third-person pronoun" if gold.text.lower() in THIRD_PERSON else "other pronoun"
    return "description"


#: A description GUM links that holds the entity's own name ("Biologist Nick Bos", "the NATO
#: military alliance"): kg knows it by the name, nothing is resolved; counted apart.
NAMING_DESCRIPTION = "description with its name"


def score_resolution(doc: GumDocument, mentions: list[Mention]) -> dict:
    """For each pronoun and description GUM links to a named person, organisation or place:
    right, wrong or unresolved, counted by kind (third-person pronoun, other, description).
    A description that holds a kg name of its own entity ("Biologist Nick Bos": GUM's head is
    "Biologist") is counted apart, as :data:`NAMING_DESCRIPTION`, and right."""
    chains = doc.chains()
    linked = {c for c, ms in chains.items()
              if any(m.kind == "named" and m.type in GUM_KINDS for m in ms)}
    targets = [g for g in doc.mentions if g.kind != "named" and g.chain in linked]
    identity = entity_chains(doc, mentions)
    found = {id(g): m for m, g in _aligned(doc, [m for m in mentions if m.kind != "name"], targets)}
    names = [m for m in mentions if m.kind == "name"]
    counts: dict[str, Counter] = defaultdict(Counter)
    for gold in targets:
        mention = found.get(id(gold))
        if gold.kind == "description" and any(
                gold.start <= m.start and m.end <= gold.end and identity.get(m.entity) == gold.chain
                for m in names):
            counts[NAMING_DESCRIPTION]["right"] += 1
            continue
        if mention is None:
            outcome = "unresolved"
        else:
            outcome = "right" if identity.get(mention.entity) == gold.chain else "wrong"
        counts[_resolution_kind(gold)][outcome] += 1
    return {kind: dict(c) for kind, c in counts.items()}


def links_its_name(doc: GumDocument, mention: GumMention) -> bool:
    """Whether a named mention's Wikipedia link is the link of its name: not where a common
    word outside the name narrows the phrase to something else ("northern England" is
    Northern_England, "mainland Australia" Mainland_Australia; the names in them, which kg
    reads, are England and Australia)."""
    span = gum_name_span(doc, mention)
    if span is None:
        return True
    outside = [doc.tokens[i] for i in range(mention.first, mention.last + 1)
               if not span[0] <= doc.tokens[i].start < span[1]]
    return not any(t.upos in ("ADJ", "NOUN") and t.text.islower() for t in outside)


def score_entities(docs: list[GumDocument], graph: KnowledgeGraph) -> dict:
    """Wikipedia links against kg's nodes, over a corpus built as one graph."""
    by_article = graph.by_article()
    node_links: dict[str, set[str]] = defaultdict(set)
    link_nodes: dict[str, set[str]] = defaultdict(set)
    splits_in_document = 0
    for doc in docs:
        mentions = [m for m in by_article.get(doc.name, ([], []))[0] if m.kind == "name"]
        golds = [g for g in doc.mentions if g.kind == "named" and g.link and g.type in GUM_KINDS
                 and links_its_name(doc, g)]
        here: dict[str, set[str]] = defaultdict(set)
        for mention, gold in _aligned(doc, mentions, golds):
            node_links[mention.entity].add(gold.link)
            link_nodes[gold.link].add(mention.entity)
            here[gold.link].add(mention.entity)
        splits_in_document += sum(1 for nodes in here.values() if len(nodes) > 1)
    merges = {node: sorted(links) for node, links in node_links.items() if len(links) > 1}
    return {"nodes_with_a_link": len(node_links), "links": len(link_nodes),
            "wrong_merges": len(merges), "merged": dict(sorted(merges.items())),
            "splits_in_a_document": splits_in_document,
            "splits_across_corpus": sum(1 for nodes in link_nodes.values() if len(nodes) > 1)}


def entity_names(graph: KnowledgeGraph) -> dict[str, set[str]]:
    """Entity id -> its label and aliases, normalised (what a table's names are matched to)."""
    return {e.id: {normalize_name(n) for n in (e.label, *e.aliases)} - {""}
            for e in graph.entity_list()}


def _matches(gold: NewsGold, relation: Relation, names: dict[str, set[str]]) -> bool:
    subject, obj = names.get(relation.subject, set()), names.get(relation.object, set())
    same = bool(subject & set(gold.subject)) and bool(obj & set(gold.object))
    swapped = bool(obj & set(gold.subject)) and bool(subject & set(gold.object))
    return states(gold.type, gold.predicate, relation, same, swapped)


def score_relations(relations: list[Relation], gold: list[NewsGold],
                    graph: KnowledgeGraph) -> tuple[list[tuple[Relation, NewsGold | None]],
                                                    list[NewsGold]]:
    """Each relation with the gold row it states (or None), and the gold rows no relation
    states. A relation is right when it states some gold row of its document; a gold row is
    found when some relation states it."""
    names = entity_names(graph)
    judged, found = [], set()
    for relation in relations:
        rows = [g for g in gold if g.document == relation.evidence.article and
                _matches(g, relation, names)]
        judged.append((relation, rows[0] if rows else None))
        found.update(id(g) for g in rows)
    return judged, [g for g in gold if id(g) not in found]


def sentence_number(doc: GumDocument, char: int) -> int:
    """GUM's number of the sentence a character offset falls in (or the last before it)."""
    number = doc.sentences[0][0] if doc.sentences else 0
    for candidate, start, _ in doc.sentences:
        if start > char:
            break
        number = candidate
    return number


def judgment_key(doc: GumDocument, relation: Relation, label: dict[str, str]) -> tuple:
    """What identifies a relation for a person's judgment: sentence, the two entities' labels,
    the predicate, and whether it is negated."""
    return (sentence_number(doc, relation.evidence.start), label[relation.subject],
            relation.predicate, label[relation.object], relation.evidence.negated)


def read_judgments(folder: str | Path) -> dict[str, dict[tuple, str]]:
    """Judgments by document: key (see :func:`judgment_key`) -> "right", "wrong" or ""."""
    out: dict[str, dict[tuple, str]] = {}
    for path in sorted(Path(folder).glob("GUM_*.tsv")):
        judged = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            sentence, subject, predicate, obj, negated, judgment, *_ = (line.split("\t") + [""] * 7)[:7]
            judged[(int(sentence), subject, predicate, obj, negated == "negated")] = judgment.strip()
        out[path.stem] = judged
    return out


#: Why a table row is missed, from the commonest cause a reader can act on to the rarest.
MISS_REASONS = (
    "both named in the sentence, stated in other words",
    "both named in the sentence, not stated",
    "an entity GUM names nowhere (no named mention)",
    "a name kg did not find in the sentence",
    "an entity the sentence names only by a pronoun or description kg left alone",
    "an entity the sentence names that kg gave to another entity",
    "an entity the sentence does not mention (as GUM reads it)",
)


def miss_reasons(doc: GumDocument, missed: list[NewsGold], mentions: list[Mention],
                 relations: list[Relation], names: dict[str, set[str]]) -> Counter:
    """Why each missed row of ``doc``'s table is missed, counted by :data:`MISS_REASONS`:
    whether kg names both of its entities in the row's sentence (and then states something
    else between them, or nothing), or else what stands for the one it lacks there.

    >>> from kg.eval.gum import SAMPLE, parse_conllu
    >>> doc = parse_conllu(SAMPLE, name="GUM_news_sample")
    >>> row = NewsGold(doc.name, 1, ("elon musk", "musk"), "meet", ("vladimir putin", "putin"), None, ())
    >>> ours = [Mention(doc.name, 0, 4, "Musk", "musk"), Mention(doc.name, 11, 16, "Putin", "putin")]
    >>> miss_reasons(doc, [row], ours, [], {"musk": {"musk"}, "putin": {"putin"}})
    Counter({'both named in the sentence, not stated': 1})
    """
    bounds = {number: (start, end) for number, start, end in doc.sentences}
    chains_named: dict[str, set[str]] = defaultdict(set)
    for gold in doc.mentions:
        if gold.kind == "named":
            chains_named[normalize_name(gold.text)].add(gold.chain)
    aligned = {id(gold) for _, gold in _aligned(doc, mentions, doc.mentions)}
    counts: Counter = Counter()
    for row in missed:
        start, end = bounds.get(row.sentence, (0, 0))
        here = [m for m in mentions if start <= m.start < end]
        subjects, objects = (
            {m.entity for m in here if names.get(m.entity, set()) & set(alternatives)}
            for alternatives in (row.subject, row.object))
        if subjects and objects:
            stated = any(start <= r.evidence.start < end and {r.subject, r.object} & subjects
                         and {r.subject, r.object} & objects for r in relations)
            counts[MISS_REASONS[0] if stated else MISS_REASONS[1]] += 1
            continue
        sides = [alternatives for alternatives, found in ((row.subject, subjects), (row.object, objects))
                 if not found]
        counts[min((_lacking(doc, alternatives, start, end, chains_named, aligned)
                    for alternatives in sides), key=MISS_REASONS.index)] += 1
    return counts


def _lacking(doc: GumDocument, alternatives: tuple[str, ...], start: int, end: int,
             chains_named: dict[str, set[str]], aligned: set[int]) -> str:
    """What the sentence has for an entity kg does not name there (of two such entities,
    the row counts the reason that comes first in :data:`MISS_REASONS`)."""
    chains = set().union(*(chains_named.get(a, set()) for a in alternatives))
    if not chains:
        return MISS_REASONS[2]
    there = [g for g in doc.mentions if g.chain in chains and start <= g.start < end]
    if not there:
        return MISS_REASONS[6]
    if any(g.kind == "named" and id(g) not in aligned for g in there):
        return MISS_REASONS[3]
    if any(id(g) not in aligned for g in there):
        return MISS_REASONS[4]
    return MISS_REASONS[5]
