"""kg's small relation schema, aligned with Wikidata properties where one fits.

Every relation keeps its readable predicate (``be in contact with``); a type is added when
a trigger word of the predicate matches. ``wikidata`` names the property and
``inverse`` says whether kg's subject is Wikidata's value rather than its item (kg says
"Putin leader_of Russia"; Wikidata says "Russia P35 Putin").

Examples
--------
>>> relation_type("be in contact with")
'contacts'
>>> relation_type("president of"), relation_type("tweet out invitation to")
('leader_of', 'contacts')
>>> relation_type("control schedule of"), relation_type("company of")
('controls', 'owned_by')
>>> relation_type("participate in") is None
True
>>> relation_type("be opponent of"), relation_type("be critic of")
('opposes', 'criticises')
>>> relation_type("be village in"), relation_type("located in")
('located_in', 'located_in')
>>> relation_type("rally in state of") is None
True
>>> RELATION_TYPES["leader_of"].wikidata
('P35', 'P6')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["RelationType", "RELATION_TYPES", "relation_type"]


@dataclass(frozen=True)
class RelationType:
    """A relation type: id, label, description, Wikidata properties, trigger words."""

    id: str
    label: str
    description: str
    wikidata: tuple[str, ...] = ()
    inverse: bool = False
    triggers: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()  # triggers only as the head of "<noun> of/with"
    people_only: bool = False  # said of anything else, the words mean ``otherwise``
    otherwise: str | None = None
    transitive: frozenset[str] = frozenset()  # triggers only with a direct object ("lead X")
    objects: frozenset[str] = frozenset()  # the entity types its object may have (empty: any)


def _type(id, label, description, wikidata=(), inverse=False, triggers=(), nouns=(),
          people_only=False, otherwise=None, transitive=(), objects=()):
    return RelationType(id, label, description, tuple(wikidata), inverse,
                        frozenset(triggers), frozenset(nouns), people_only, otherwise,
                        frozenset(transitive), frozenset(objects))


# what each kind of relation may have as its object, as Wikidata's value-type constraints say
_HELD = ("ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")  # what is led, founded, joined
_WORKPLACES = ("ORG", "GPE", "NORP", "FAC", "PERSON")  # an aide works for a person
_PLACES = ("GPE", "LOC", "FAC", "ORG")  # a museum "at" a university too


RELATION_TYPES: dict[str, RelationType] = {t.id: t for t in (
    _type("leader_of", "leader of", "heads a state, government or organisation",
          ("P35", "P6"), True,
          nouns=("president", "leader", "head", "premier", "prime minister", "chancellor",
                 "king", "queen", "governor", "mayor", "dictator", "general secretary",
                 "chairman", "chairwoman", "chair"), people_only=True,
          transitive=("lead", "head", "rule", "govern", "chair"), objects=_HELD),  # not "led to", "headed to"
    _type("chief_executive_of", "chief executive of", "is the CEO of an organisation",
          ("P169",), True, nouns=("ceo", "chief executive", "boss"), people_only=True,
          objects=("ORG", "FAC")),
    _type("founder_of", "founder of", "founded an organisation", ("P112",), True,
          ("found", "co-found", "cofound", "establish", "launch", "start", "create"),
          ("founder", "co-founder", "cofounder", "creator"), objects=_HELD),  # not "launch a novel"
    _type("owner_of", "owner of", "owns something", ("P127",), True,
          ("own", "buy", "acquire", "purchase", "takeover"), ("owner",)),
    _type("owned_by", "owned by", "is owned by someone", ("P127",), False,
          # not nouns that are verbs too: "venture over to", "ship to", "probe into"
          nouns=("company", "firm", "business", "startup", "subsidiary", "brand",
                 # what an organisation or country has ("the Scientology publication Freedom
                 # Magazine", "the Russian cruiser Moskva", "NASA's Juno spacecraft")
                 "vessel", "cruiser", "frigate", "destroyer", "submarine", "aircraft",
                 "airliner", "spacecraft", "capsule", "rover", "satellite", "telescope",
                 "browser", "app", "software", "magazine", "newspaper", "publication",
                 "website")),
    _type("employer", "works for", "is employed by", ("P108",), False,
          ("work", "employ", "hire", "join"),
          ("employee", "staffer", "journalist", "correspondent", "reporter", "editor",
           "columnist", "analyst", "researcher", "professor", "lecturer", "instructor", "teacher",
           "curator", "director",
           "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "adviser", "advisor",
           "aide", "bodyguard",
           "economist", "scientist", "engineer", "manager", "coach", "official", "officer",
           "producer", "presenter", "anchor", "astronaut", "minister", "secretary"),
          people_only=True, otherwise="member_of", objects=_WORKPLACES),  # "Sweden joined NATO"
    _type("member_of", "member of", "is a member of an organisation or party",
          ("P463", "P102"), False, ("belong",),
          ("member", "guitarist", "drummer", "bassist", "vocalist", "keyboardist", "frontman",
           "frontwoman", "mp", "politician", "lawmaker", "legislator", "councillor", "councilor",
           "activist", "player", "footballer", "midfielder", "striker", "defender", "goalkeeper",
           "captain"), objects=_HELD),
    _type("located_in", "located in", "is located in a place",
          ("P131", "P17", "P159", "P276", "P706", "P30"), False,
          ("base", "based", "headquarter", "headquartered", "locate", "located"),
          ("headquarters", "city", "town", "village", "municipality", "county", "district",
           "region", "province", "state", "capital", "suburb", "neighborhood", "neighbourhood",
           "commune", "island", "community", "parish", "borough", "settlement", "township",
           "hamlet", "comune", "prefecture", "oblast", "canton", "department", "territory",
           "river", "lake", "mountain", "volcano", "peninsula", "archipelago", "valley",
           "resort", "area", "metropolis", "republic", "country", "kingdom", "duchy",
           "voivodeship", "governorate", "locality", "suburb", "quarter", "port",
           "bay", "sea", "glacier", "forest", "hill", "creek", "strait", "desert",
           "building", "bridge", "airport", "stadium", "arena", "hospital", "church",
           "cathedral", "palace", "castle", "museum", "dam", "tower", "monument", "hall",
           "station", "temple", "monastery", "mosque", "theatre", "theater", "library",
           "park", "prison", "hotel", "school", "university", "college", "campus",
           "place", "beach", "road", "highway", "street", "square", "canal", "fjord", "gulf",
           "plain", "plateau", "cemetery", "zoo", "mall", "mine", "camp", "reserve", "shrine",
           "chapel", "abbey", "fort", "fortress", "garden", "observatory", "lighthouse",
           "estate", "manor", "waterfall", "constituency", "ward", "basin", "lagoon",
           "reservoir", "pond", "stream", "tributary", "headland", "cape", "peak", "canyon",
           "wilderness", "pass", "isthmus", "hall", "mansion", "continent"), objects=_PLACES),
    _type("citizen_of", "citizen of", "is a citizen or national of a country",
          ("P27",), False, nouns=("citizen", "national"), people_only=True, objects=("GPE", "NORP")),
    _type("spouse_of", "spouse of", "is married to", ("P26",), False,
          ("marry", "married", "wed"), ("wife", "husband", "spouse", "widow", "widower"),
          people_only=True, objects=("PERSON",)),
    _type("parent_of", "parent of", "is a parent of", ("P40",), False,
          nouns=("father", "mother", "parent"), people_only=True, objects=("PERSON",)),
    _type("child_of", "child of", "is a child of", ("P40",), True,
          nouns=("son", "daughter", "child"), people_only=True, objects=("PERSON",)),
    _type("contacts", "contacts", "meets, talks to or is in contact with",
          triggers=("contact", "meet", "call", "talk", "speak", "phone", "invite",
                    "invitation", "conversation", "discussion", "dialogue", "message",
                    "communicate", "communication", "interview", "visit", "meeting",
                    "negotiate", "tweet"),
          transitive=("tell",)),  # "told GB News"; not "told the story of"
    _type("associated_with", "associated with", "has ties, links or a relationship with",
          triggers=("tie", "link", "relationship", "relation", "partnership", "connection",
                    "partner", "alliance", "friendship", "friend", "ally")),
    _type("supports", "supports", "supports, backs or helps",
          triggers=("support", "back", "endorse", "help", "aid", "praise", "campaign",
                    "admire", "admiration", "welcome", "favor", "favour", "fund", "defend",
                    "elect", "elected", "benefit", "unite", "assist", "congratulate", "thank",
                    "donate", "donation", "contribute", "contribution", "supporter")),
    _type("opposes", "opposes", "opposes, fights or acts against",
          triggers=("oppose", "sanction", "fight", "invade", "conflict", "war", "threaten",
                    "block", "sue", "challenge", "thwart", "attack", "ban", "betray",
                    "against", "rival", "resist", "defeat", "overthrow", "opponent",
                    "opposition")),
    _type("criticises", "criticises", "criticises, condemns or accuses",
          triggers=("criticize", "criticise", "critical", "condemn", "blast", "slam", "accuse",
                    "denounce", "mock", "rebuke", "criticism", "blame", "attack", "critic")),
    _type("controls", "controls", "controls, runs or operates",
          triggers=("control", "run", "operate", "manage", "dominate", "command")),
    _type("uses", "uses", "uses or relies on", ("P2283",), False,
          ("use", "rely", "depend", "employ")),
)}

_ORDER = ("leader_of", "chief_executive_of", "founder_of", "owner_of", "owned_by",
          "member_of", "employer", "citizen_of", "spouse_of", "parent_of", "child_of",
          "located_in", "criticises", "opposes", "contacts",
          "associated_with", "supports", "controls", "uses")


def relation_type(predicate: str, subject_type: str | None = None,
                  object_type: str | None = None) -> str | None:
    """The schema type of a readable predicate, or None when no trigger word matches.

    Words are tried from the last to the first (the head of "tweet out invitation to" is
    "invitation"); role nouns count only when followed by a preposition other than "in"
    ("leader of"; "president in Phoenix" says where), and only when the words before them
    say the subject is one ("serve as president of"): after any other verb the noun is
    whom the subject acted on ("meet president of" is meeting, contacts).
    Some types are said only of people: given the subject's entity type, "Sweden joined
    NATO" is membership, not employment. Given the object's, a type whose objects cannot be of
    that kind gives none: a novel is launched, not founded; a person is no one's citizenship.

    >>> relation_type("join", "PERSON"), relation_type("join", "GPE"), relation_type("be son of", "ORG")
    ('employer', 'member_of', None)
    >>> relation_type("lead", "PERSON"), relation_type("lead to", "PERSON")
    ('leader_of', None)
    >>> relation_type("meet with"), relation_type("meet in"), relation_type("call killer")
    ('contacts', None, None)
    >>> relation_type("be located in"), relation_type("be located between"), relation_type("base on")
    ('located_in', None, None)
    >>> relation_type("head of"), relation_type("head of research at")
    ('leader_of', 'employer')
    >>> relation_type("serve as president of"), relation_type("meet president of")
    ('leader_of', 'contacts')
    >>> relation_type("be inducted as president in"), relation_type("be village in")
    (None, 'located_in')
    >>> relation_type("launch", "PERSON", "ORG"), relation_type("launch", "PERSON", "WORK_OF_ART")
    ('founder_of', None)
    """
    type_id = _type_of_words(predicate)
    if type_id is not None and subject_type not in (None, "PERSON"):
        rtype = RELATION_TYPES[type_id]
        type_id = rtype.otherwise if rtype.people_only else type_id
    if type_id is None or object_type is None:
        return type_id
    objects = RELATION_TYPES[type_id].objects
    return type_id if not objects or object_type in objects else None


@lru_cache(maxsize=1 << 16)
def _type_of_words(predicate: str) -> str | None:
    """The type of a predicate's words (cached: an archive repeats its predicates, and
    this took 2.7 of the 59 s of adding one article to 20,000)."""
    words = predicate.lower().split()
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        two = " ".join(words[position - 1:position + 1]) if position else ""
        followed_by_prep = position + 1 < len(words)
        for type_id in _ORDER:
            rtype = RELATION_TYPES[type_id]
            if type_id == "located_in" and position and words[position - 1] != "be":
                continue  # "be village in", "city of"; not "rally in state of"
            if followed_by_prep and (word in rtype.nouns or two in rtype.nouns) and \
                    _states_the_role(words[:position - (two in rtype.nouns)]) and \
                    not (type_id != "located_in" and words[position + 1] == "in"):  # "president in Phoenix"
                if type_id in _LEADING and _in_a_field(words[position + 1:]):
                    return "employer"  # "head of research at": works there, leads a part
                return type_id
            if type_id != "located_in" and words[position + 1:] in _WHERE:
                continue  # "meet in Woodside", "campaign in Pennsylvania": a place, not a party
            if word in _NAMING and followed_by_prep and words[position + 1] not in _PREPOSITIONS:
                break  # "called Putin a killer" ("call killer") names, it does not phone
            if type_id == "located_in" and word in rtype.triggers and followed_by_prep and \
                    words[position + 1] not in _INSIDE.get(word, _INSIDE["locate"]):
                continue  # "located between A and B", "based on a novel"
            if word in rtype.triggers or (word in rtype.transitive and not followed_by_prep):
                return type_id
    return None


_LEADING = ("leader_of", "chief_executive_of")

#: Words before a noun of a type that say the subject is or becomes it: "be president of",
#: "serve as president of", "be elected head of". After any other verb the noun says whom
#: the subject acted on ("met the president of Mexico": meet, contacts), not what it is.
_ROLE_STATING = {"be", "as", "become", "remain", "serve", "elect", "name", "appoint", "make",
                 "choose", "promote", "install", "crown", "hire", "nominate", "re-elect",
                 "reelect", "swear", "confirm"}


#: Words that make a title with the noun after them ("foreign minister of", "deputy head of").
_TITLE_WORDS = {"foreign", "prime", "deputy", "vice", "chief", "senior", "junior", "assistant",
                "associate", "acting", "interim", "general", "executive", "managing", "co",
                "shadow", "home", "interior", "finance", "defence", "defense", "first", "lord",
                "grand", "high", "supreme", "national", "state", "federal", "regional", "head",
                "lead", "principal", "founding", "honorary", "emeritus", "former", "team",
                "club", "party", "board", "press", "security", "art", "research"}


def _states_the_role(before: list[str]) -> bool:
    """Whether a type noun after the words ``before`` it in a predicate is what the subject
    is: nothing but title words before it ("president of", "foreign minister of"), or a
    copula or naming verb among them ("serve as president of")."""
    return all(w in _TITLE_WORDS for w in before) or bool(_ROLE_STATING & set(before))


def _in_a_field(rest: list[str]) -> bool:
    """Whether the words after a role noun give a field and then the holder ("of research
    at", "of public affairs for"), not the holder itself ("of", "of the board of")."""
    return len(rest) >= 3 and rest[0] in ("of", "in") and rest[-1] in ("at", "for", "with") \
        and not any(w in _PREPOSITIONS for w in rest[1:-1])


# what a place word must be followed by to say where something is
_INSIDE = {"locate": ("in", "on", "at", "within", "inside"),
           "base": ("in", "at", "within"), "based": ("in", "at", "within")}


_WHERE = (["in"], ["at"], ["near"], ["outside"], ["inside"])
_NAMING = {"call", "name", "dub", "label", "brand"}
_PREPOSITIONS = {"with", "to", "for", "on", "about", "from", "of", "in", "at", "by", "between"}
