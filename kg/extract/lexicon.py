"""Word lists the rule-based extractors use. Kept in one place so they can be read and tuned.

All entries are lower-case lemmas or normalised forms (periods removed: "C.E.O." -> "ceo").
"""

from __future__ import annotations

from kg.schema import RELATION_TYPES

__all__ = [
    "ENTITY_LABELS",
    "ROLE_NOUNS",
    "DESCRIPTOR_NOUNS",
    "REPORTING_VERBS",
    "HEDGE_ADVERBS",
    "HEDGE_MODALS",
    "HEDGE_GOVERNORS",
    "HEDGE_ADJECTIVES",
    "RAISING_ADJECTIVES",
    "OBJECT_CONTROL_VERBS",
    "RELATIONAL_PREPOSITIONS",
    "EMPTY_PREDICATES",
    "ORGANISATION_DESIGNATORS",
    "DATE_WORDS",
    "AFFILIATION_NOUNS",
]

#: spaCy (OntoNotes) labels that become graph entities by default.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "EVENT")
#: The entity types that are places.
PLACE_TYPES = ("GPE", "LOC", "FAC")

#: Nouns naming a position held in or for something ("the Russian president", "Tesla's CEO").
ROLE_NOUNS = {
    "president", "leader", "ceo", "chief executive", "executive", "founder", "co-founder",
    "cofounder", "creator", "chairman", "chairwoman", "chair", "owner", "head", "chief", "premier",
    "prime minister", "minister", "chancellor", "king", "queen", "senator", "governor",
    "mayor", "spokesman", "spokeswoman", "spokesperson", "director", "secretary",
    "ambassador", "general secretary", "vice president", "representative", "boss",
    "dictator", "strongman", "foreign minister", "defense secretary", "commander",
    "secretary general", "secretary-general",
}

#: A person's nouns that an organisation's name before them makes a membership ("a Labour
#: Party politician", "an Arsenal player", "a Badfinger guitarist") or a job ("a BBC
#: journalist", "a NASA engineer"): the schema's own nouns for the two types, and more.
MEMBER_NOUNS = RELATION_TYPES["member_of"].nouns | {
    "politician", "lawmaker", "legislator", "senator", "congressman", "congresswoman",
    "councillor", "councilor", "activist", "candidate", "singer", "player", "footballer",
    "cricketer", "midfielder", "striker", "defender", "goalkeeper",
    # a party's members of a parliament or assembly ("an MK Party MP", "a Labour MEP")
    "mp", "mep", "msp", "mla", "assemblyman", "assemblywoman",
}
JOB_NOUNS = RELATION_TYPES["employer"].nouns | {
    "anchor", "presenter", "engineer", "executive", "scientist", "economist", "official",
    "astronaut", "lawyer", "producer", "manager", "coach", "spokesman", "spokeswoman",
    "spokesperson",
}

#: A person's nouns whose modifier names an organisation, never a place ("an Altınordu S.K.
#: player", "a former Sha Na Na member"; unlike "a Texas senator"): the schema's membership
#: nouns, and more.
ORGANISATION_MEMBER_NOUNS = RELATION_TYPES["member_of"].nouns | {
    "player", "footballer", "employee", "alumnus",
}

#: Compass points: what lies "west of" something, or is bordered "on the north by" it.
COMPASS_POINTS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                  "southwest", "north-east", "north-west", "south-east", "south-west"}

#: Kinship nouns: relational like roles ("Marie, the wife of Johan" -> wife of Johan).
KIN_NOUNS = RELATION_TYPES["spouse_of"].nouns | RELATION_TYPES["parent_of"].nouns | \
    RELATION_TYPES["child_of"].nouns | {"brother", "sister"}

#: Nouns that describe a person without a holder ("the billionaire", "the tech mogul").
DESCRIPTOR_NOUNS = {
    "billionaire", "mogul", "entrepreneur", "businessman", "businesswoman", "tycoon",
    "magnate", "investor", "politician", "lawmaker",
}

#: Verbs whose subject is the source of the clause they govern ("The Journal reports ...").
REPORTING_VERBS = {
    "say", "report", "tell", "claim", "write", "state", "announce", "add", "allege",
    "reveal", "confirm", "insist", "argue", "note", "assert", "disclose", "testify",
    "tweet", "post", "explain", "suggest", "warn",
    # verbs of speech a quotation or a that-clause is reported with ("..., he continued"):
    # not those that change what is reported (deny, predict, ask, urge, vow)
    "comment", "remark", "observe", "reply", "respond", "answer", "recall", "admit",
    "acknowledge", "declare", "exclaim", "conclude", "reason", "assure", "mention", "stress",
    "emphasize", "emphasise", "concede", "joke", "quip", "recount", "boast", "reiterate",
    "maintain", "contend", "retort", "proclaim",
}

#: Adverbs that make a statement uncertain.
HEDGE_ADVERBS = {
    "perhaps", "maybe", "possibly", "probably", "likely", "reportedly", "allegedly",
    "apparently", "potentially", "presumably", "supposedly", "seemingly", "arguably",
    "conceivably",
}

#: Modal auxiliaries that make a statement uncertain ("could", "may"...).
HEDGE_MODALS = {"could", "may", "might", "would", "should", "ca", "can"}

#: Verbs that put what they govern in doubt or in the future ("wants to", "speculate").
HEDGE_GOVERNORS = {
    "want", "wish", "hope", "speculate", "predict", "believe", "think", "expect", "guess",
    "consider", "plan", "seek", "try", "wonder", "suspect", "imagine", "intend", "propose",
    "aim", "doubt", "rumor", "rumour", "bet", "schedule",  # "is scheduled to meet": not yet
}

#: Adjectives of likelihood ("it is unlikely that ...") and of what is yet to happen ("is
#: due to meet", "is ready to sign").
HEDGE_ADJECTIVES = {"likely", "unlikely", "possible", "impossible", "uncertain", "unclear",
                    "doubtful", "probable", "improbable", "imminent", "due", "ready", "willing",
                    "eager", "poised", "keen"}

#: Adjectives whose infinitive takes the copula's subject ("Obama is likely to meet Xi"):
#: what they say is not yet a fact, so every one is also a hedge.
RAISING_ADJECTIVES = {"likely", "due", "ready", "willing", "eager", "poised", "keen"}

#: Verbs whose object is the understood subject of their infinitive ("asked Musk not to ...").
OBJECT_CONTROL_VERBS = {
    "ask", "urge", "tell", "order", "force", "persuade", "convince", "request", "press",
    "push", "encourage", "allow", "invite", "warn", "advise", "beg", "direct", "instruct",
    "pressure", "call", "appoint", "name", "nominate", "choose", "pick", "tap", "elect",
    "select", "hire", "recruit", "authorize", "authorise", "enable", "help", "want",
    "expect", "need", "require", "permit",
}


#: Prepositions that link a relational noun to its second argument ("contact with X").
RELATIONAL_PREPOSITIONS = {"with", "to", "between", "against", "for", "of", "toward",
                           "towards", "from", "on", "over", "among"}

#: Verbs that say what something is ("X is a town", "X became a company").
COPULAS = ("be", "become", "remain")

#: Head nouns of a description ("X is a town in ...", "X, a Turkish manufacturer, ...") and
#: the entity type they show, overruling the NER where the text says what the thing is.
TYPE_NOUNS = {
    "GPE": {
        "city", "town", "village", "hamlet", "municipality", "commune", "comune", "county",
        "district", "province", "region", "state", "country", "capital", "suburb", "borough",
        "township", "parish", "prefecture", "oblast", "canton", "settlement", "metropolis",
        "kingdom", "republic", "duchy", "principality", "voivodeship", "governorate", "locality",
        "community", "neighbourhood", "neighborhood", "zone", "empire", "caliphate",
        "sultanate", "khanate", "emirate",
    },
    "LOC": {
        "river", "lake", "mountain", "volcano", "island", "peninsula", "archipelago", "valley",
        "sea", "ocean", "bay", "desert", "forest", "glacier", "hill", "strait", "creek",
        "reservoir", "peak", "canyon", "wilderness", "pass", "isthmus", "fjord", "gulf",
        "plateau", "plain", "lagoon", "cape", "headland", "waterfall", "basin", "continent",
        "reef", "icefield", "falls", "swamp", "marsh", "badlands", "harbour", "harbor", "cove",
        "gorge", "delta", "estuary", "oasis", "pond", "brook", "stream", "bight",
    },
    "FAC": {
        "building", "bridge", "airport", "stadium", "arena", "church", "cathedral",
        "palace", "castle", "museum", "dam", "tower", "monument", "square", "street", "road",
        "highway", "motorway", "railway", "station", "temple", "monastery", "mosque", "theatre",
        "theater", "library", "canal", "tunnel", "park", "prison", "hotel", "mall", "hall",
        "lighthouse", "cemetery", "fort", "fortress", "abbey", "chapel", "shrine", "manor",
        "mansion", "observatory", "zoo", "camp", "drive", "avenue", "boulevard", "aquarium",
        "dock", "quay", "pier", "wharf", "marina", "mausoleum", "tomb", "trail", "route",
        "gallery", "memorial", "arch",
    },
    "ORG": {
        "company", "corporation", "firm", "manufacturer", "business", "bank", "band", "team",
        "club", "party", "university", "college", "school", "newspaper", "magazine", "agency",
        "organisation", "organization", "airline", "brand", "label", "studio", "network",
        "publisher", "association", "federation", "league", "union", "council", "committee",
        "institute", "foundation", "charity", "ministry", "government", "army", "navy",
        "subsidiary", "conglomerate", "retailer", "broadcaster", "orchestra", "choir",
        "contractor", "startup", "squadron", "regiment", "division", "group", "duo", "trio",
        "quartet", "ensemble", "outfit", "hospital", "senate", "congress", "parliament",
        "assembly", "court", "police", "academy", "legislature", "commission", "bureau",
        "pac",  # a political action committee: "America PAC"
    },
    "EVENT": {
        "festival", "championship", "contest", "tour", "cup", "olympics", "election", "war",
        "pilgrimage",
        "battle", "revolution", "summit", "tournament", "award", "prize", "ceremony", "expo",
        "marathon", "uprising", "massacre", "rebellion", "siege", "crisis",
        "storm", "hurricane", "cyclone", "typhoon",
    },
    "PERSON": {
        "actor", "actress", "singer", "songwriter", "musician", "politician", "writer",
        "author", "poet", "novelist", "journalist", "painter", "artist", "composer", "player",
        "footballer", "athlete", "cyclist", "boxer", "wrestler", "coach", "director",
        "producer", "scientist", "physicist", "chemist", "biologist", "mathematician",
        "engineer", "lawyer", "judge", "businessman", "businesswoman", "entrepreneur",
        "philosopher", "historian", "economist", "priest", "bishop", "soldier", "officer",
        "admiral", "king", "queen", "prince", "princess", "emperor", "empress", "pastor",
        "rapper", "guitarist", "drummer", "pianist", "dancer", "model", "comedian",
        "architect", "inventor", "explorer", "diplomat", "activist", "jurist", "cartoonist",
        "illustrator", "photographer", "sculptor", "designer", "missionary", "monk", "nun",
        "saint", "pope", "general", "billionaire", "investor", "executive", "founder",
        "earl", "duke", "duchess", "baron", "baroness", "marquis", "viscount", "sultan", "tsar",
        "czar", "shah", "lord", "scorer", "doge", "baronet", "viceroy", "pharaoh", "caliph",
        "regent", "archbishop", "rabbi", "imam",
    },
    "NORP": {"minority", "tribe", "ethnicity", "diaspora"},  # "Rohingya, a stateless minority"
    "WORK_OF_ART": {
        "film", "movie", "album", "song", "single", "novel", "novella", "book", "opera",
        "sitcom", "documentary", "painting", "poem", "symphony", "soundtrack", "musical",
        "episode", "manga", "anime", "mixtape", "ep", "play", "series", "drama", "comedy",
        "thriller", "sequel", "epic", "sculpture", "videogame", "game", "programme",
    },
    "PRODUCT": {
        "software", "app", "smartphone", "car", "aircraft", "airliner", "helicopter", "rifle",
        "missile", "vehicle", "console", "browser", "camera", "frigate", "destroyer",
        "submarine", "ship", "locomotive", "satellite", "drug", "vaccine", "phone",
        "spacecraft", "capsule", "rover", "telescope",
    },
}

#: Predicates that carry nothing between two entities: "X is Y" (a description, or the same
#: entity), "X said to Y" without what was said, "X did Y" ("X told Y" does: whom X spoke
#: to, "Braverman told GB News"); "X is known as Y", a name
#: (:func:`kg.extract.names.defined_aliases` makes it one entity) or a misreading; and "ranging
#: from A to B", which lists examples of a noun ("support ranging from Obama to Zuckerberg").
EMPTY_PREDICATES = {"be", "say", "do", "state", "add", "say to", "state to", "add to",
                    "be to", "do to", "know as", "be known as", "be also known as",
                    "be better known as", "range from", "range to", "range between"}

#: Days and months: a name made of them is a date, whatever label the NER gave it.
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "today", "yesterday", "tomorrow"}

#: Jobs and memberships held in an organisation: a role noun in an apposition or title
#: ("Sarah Levitt, a lawyer for Amnesty International"; "TD Economics director Andrew Hencic")
#: ties the person to it (employer or member_of, by the schema's nouns).
AFFILIATION_NOUNS = (JOB_NOUNS | MEMBER_NOUNS) - {"member", "executive"}

#: Organisations a person "of" them works for rather than belongs to ("Troy Patterson of
#: Slate Magazine", "Nick Bos, of the University of Helsinki"), by what their name or the text
#: calls them; a party, a band or a team has members ("Gary Fan of the Neo Democrats").
WORKPLACE_NOUNS = {
    "university", "college", "institute", "school", "academy", "hospital", "clinic", "museum",
    "gallery", "library", "laboratory", "observatory", "magazine", "newspaper", "journal",
    "times", "post", "news", "gazette", "tribune", "herald", "telegraph", "agency", "department",
    "ministry", "bureau", "company", "corporation", "bank", "broadcaster", "network", "radio",
    "television", "firm",
}

#: What a person is at a school or university: "a student at Harvard University", "USI art
#: major Kiara Perkins" (before a country's name or demonym they give a nationality).
STUDENT_NOUNS = {"student", "major", "graduate", "alumnus", "alumna", "undergraduate",
                 "postgraduate", "pupil"}

#: What an organisation or a country has, named before it: "the Scientology propaganda
#: publication Freedom Magazine" is Scientology's (owned_by).
OWNED_THING_NOUNS = RELATION_TYPES["owned_by"].nouns - {"company", "firm", "business", "startup"}

#: Jobs held for a person as much as for an organisation: a person's name before them
#: ("Obama's national security advisor James Jones") or after "to" / "for" ("Kellyanne
#: Conway, an adviser to Donald Trump") is whom the job is held for.
PERSONAL_ROLE_NOUNS = {
    "adviser", "advisor", "aide", "lawyer", "attorney", "spokesman", "spokeswoman",
    "spokesperson", "press secretary", "manager", "agent", "coach", "bodyguard",
}

#: What a person may hold for a country or state: offices, the services and the national
#: teams ("Russian President", "a US official", "English defender").
OFFICE_NOUNS = ROLE_NOUNS - {"founder", "co-founder", "cofounder", "owner", "director", "executive",
                             "ceo", "chief executive", "boss"} | {
    "official", "officer", "diplomat", "envoy", "soldier", "general", "admiral", "lawmaker",
    "legislator", "congressman", "congresswoman", "councillor", "councilor", "mp", "judge",
    "player", "footballer", "midfielder", "striker", "defender", "goalkeeper", "captain",
    "coach", "manager", "prince", "princess", "emperor", "empress", "earl", "duke", "duchess",
    "baron", "baroness", "marquis", "viscount", "lord", "baronet", "sultan", "tsar", "czar",
    "shah", "doge", "viceroy", "pharaoh", "caliph", "regent", "bishop", "archbishop", "pope",
}

#: A person's nouns that a country's name or demonym before them only gives the nationality
#: of ("US political activist Noam Chomsky", "the American actor and director Tom Hanks"):
#: a country holds no actors; its offices are :data:`OFFICE_NOUNS`.
NATIONALITY_NOUNS = (TYPE_NOUNS["PERSON"] | JOB_NOUNS | MEMBER_NOUNS | {
    "barrister", "academic", "filmmaker", "blogger", "student", "researcher", "professor",
}) - OFFICE_NOUNS - {"founder", "co-founder", "cofounder", "owner", "executive", "member"}


#: What companies and clubs add to their names ("Altınordu S.K.", "Apple Inc.").
ORGANISATION_DESIGNATORS = {
    "FC", "F.C.", "AFC", "CF", "SC", "SK", "S.K.", "JK", "FK", "AC", "BK", "IF", "IK", "SV",
    "VfB", "VfL", "ŠK", "MŠK", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "plc", "PLC", "GmbH", "AG",
    "S.A.", "SpA", "S.p.A.", "NV", "N.V.", "ASA", "Oyj", "Corp", "Corp.", "Co.", "LLP", "Pty",
    "International",  # "Amnesty International", "Transparency International"
}
