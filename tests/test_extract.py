"""Extraction tables: sentence -> the relations kg must read from it.

Each row gives (subject label, predicate, object label) triples that must be found,
and the flags they carry. Entities are named by their graph label (full names for the
people and organisations of the bundled alias table). The tables test what the rules
read, so every relation is kept whatever its confidence (``min_confidence=0``); the
default threshold is tested in ``tests/test_confidence.py``.
"""

from __future__ import annotations

import re

import pytest
from rdflib.namespace import RDF, RDFS

from kg.build import build_articles
from kg.graph import EntityNotFound
from kg.model import Article
from kg.rdf.convert import from_rdf, to_dataset
from kg.rdf.namespaces import SCHEMA


def extract(text: str, published: str | None = None):
    graph = build_articles([Article("t", text.split(".")[0], text, published=published)],
                           min_confidence=0.0)
    found = {}
    for rel in graph.relation_list():
        key = (graph.get_entity(rel.subject).label, rel.predicate, graph.get_entity(rel.object).label)
        found[key] = rel
    return graph, found


TABLE = [
    # a person's full name "of" a party the NER missed: an acronym, or two words or more
    ("Other pan-democrats elected were Leung Yiu-chung of NWSC and James To of the Democratic "
     "Party.", [("Leung Yiu-chung", "member of", "NWSC", "member_of"),
                ("James To", "member of", "Democratic Party", "member_of")]),
    ("Raymond Chan of People Power was elected.",
     [("Raymond Chan", "member of", "People Power", "member_of")]),
    # an official the text does not name, acted on: the relation is with the holder, and the
    # verb, not the office, types it; an office the subject serves as is the subject's
    ("Elon Musk met the president of Mexico.",
     [("Elon Musk", "meet president of", "Mexico", "contacts")]),
    ("In 1945, Chao served as president of the Linguistic Society of America.",
     [("Chao", "serve as president of", "Linguistic Society of America", "leader_of")]),
    # names shaped as names that the NER missed: a word capitalised inside, a site's address
    ("When Jack Herrick ran eHow, the content was professionally produced.",
     [("Jack Herrick", "run", "eHow", "controls")]),
    # a place an apposition calls the capital or a part of another
    ("Wellington, the capital of New Zealand, hosted the meeting.",
     [("Wellington", "located in", "New Zealand", "located_in")]),
    ("Preston, a suburb of Melbourne, is quiet.", [("Preston", "located in", "Melbourne", "located_in")]),
    # name, holder, title: an apposition of an organisation's name and a role noun
    ("Kiara Perkins, a second year Harvard art major, said it was fun.",
     [("Kiara Perkins", "major of", "Harvard", None)]),
    ("Hilary Braysmith, Harvard associate professor of art history, said it was influential.",
     [("Hilary Braysmith", "professor of", "Harvard", "employer")]),
    # an organisation's possessive is shared by a name joined to the one it precedes, unless
    # that name has its own; "creator" is a founder's noun
    ("Other pro-Beijing elected were FTU's Kwok Wai-keung, and DAB's Starry Lee and Holden Chow.",
     [("Holden Chow", "member of", "DAB", "member_of")]),
    ("Mohamed received support from Facebook creator Mark Zuckerberg.",
     [("Mark Zuckerberg", "creator of", "Facebook", "founder_of")]),
    # a student of a school, in each order of words
    ("Kiara Perkins, a student at Harvard University, said it was fun.",
     [("Kiara Perkins", "student at", "Harvard University", None)]),
    ("Psychology major at University of Texas Arlington Amneh Jafari heard of the incident.",
     [("Amneh Jafari", "major at", "University of Texas Arlington", None)]),
    # a resident or native of a place, in an apposition
    ("Halston, a former resident of Evansville, designed dresses.",
     [("Halston", "resident of", "Evansville", None)]),
    # an organisation "of" a country is in it
    ("A research team from the Massachusetts Institute of Technology and Colorado State "
     "University of the US and the University of Sheffield of the UK has analysed effects of "
     "global warming.",
     [("Colorado State University", "located in", "United States", "located_in"),
      ("University of Sheffield", "located in", "United Kingdom", "located_in")]),
    # a person "of" a paper, a university or a company works for it; "of" a party belongs to it
    ("Troy Patterson of Slate Magazine ventured over to the bar to sample the new cocktail.",
     [("Troy Patterson", "work for", "Slate Magazine", "employer")]),
    ("Pan-democrat Gary Fan of the Neo Democrats failed to get re-elected.",
     [("Gary Fan", "member of", "Neo Democrats", "member_of")]),
    # what an organisation has, named before it: its publication, ship, spacecraft
    ("Montalvo had read an article in the Scientology propaganda publication Freedom Magazine.",
     [("Freedom Magazine", "publication of", "Scientology", "owned_by")]),
    # a party the NER missed before a member's noun (issue #16's "an MK Party MP")
    ("Mandla Ndlovu, an MK Party MP, said the vote was rigged.",
     [("Mandla Ndlovu", "member of", "MK Party", "member_of")]),
    # "X told Y": whom X spoke to; an office's field is part of its title, not its holder
    ("On Wednesday, Home Secretary Suella Braverman told GB News that the situation was "
     "unsustainable.", [("Suella Braverman", "tell", "GB News", "contacts")]),
    ("Labour's Shadow Home Secretary Yvette Cooper said her party has supported the idea.",
     [("Yvette Cooper", "secretary of", "Labour", "employer")]),
    ("Vladimir Putin told the story of Russia.",
     [("Vladimir Putin", "tell story of", "Russia", None)]),  # a story told is no contact
    # a member in an apposition, and people given as examples of a role's holders
    ("Daniel Montalvo, 19, a member of Scientology all his life, was arrested.",
     [("Daniel Montalvo", "member of", "Scientology", "member_of")]),
    ("Montalvo has been assisted by former members of Scientology, including musician Tiziano "
     "Lugli and actor Jason Beghe.", [("Tiziano Lugli", "member of", "Scientology", "member_of"),
                                      ("Jason Beghe", "member of", "Scientology", "member_of")]),
    ("He praised employees of Tesla, including John Smith.",
     [("John Smith", "employee of", "Tesla", "employer")]),
    # a noun standing for the product that modifies it still leads on through its preposition
    ("Elon Musk is rich. Or maybe he wants to expand Starlink service into Russia.",
     [("Elon Musk", "expand", "Starlink", None), ("Elon Musk", "expand service into", "Russia", None)]),
    # titles and roles before or after a name tie the person to where the role is held
    ("TD Economics director Andrew Hencic said rates would rise.",
     [("Andrew Hencic", "director of", "TD Economics", "employer")]),
    ('"We will not stop," said Sarah Levitt, a lawyer for Amnesty International.',
     [("Sarah Levitt", "lawyer for", "Amnesty International", "employer")]),
    ("Jane Doe, a professor at Harvard University, said the study was flawed.",
     [("Jane Doe", "professor at", "Harvard University", "employer")]),
    # an apposition whose noun an organisation or place modifies; an age before it
    ("After the match, Hernan Dario Gomez, Panama coach, said the team was tired.",
     [("Hernan Dario Gomez", "coach of", "Panama", "employer")]),
    # a possessor's full name inside an apposition ("Donald Trump's daughter")
    ("Ivanka Trump, Donald Trump's daughter, visited Beijing.",
     [("Ivanka Trump", "daughter of", "Donald Trump", "child_of")]),
    # "his spokesman" is the person the article said his spokesman is
    ("Elon Musk runs Tesla. His spokesman, John Smith, denied the report. On Monday his "
     "spokesman met Joe Biden.", [("John Smith", "meet", "Joe Biden", "contacts")]),
    # "his father" is the person the article said his father is
    ("Ahmed Mohamed was arrested at school on Monday. His father, John Smith, was angry. Ahmed "
     "Mohamed and his father will visit the United Nations. Later his father met Barack Obama.",
     [("John Smith", "visit", "United Nations", "contacts"),
      ("John Smith", "meet", "Barack Obama", "contacts")]),
    # "his father" is the parent the article named, said the other way round ("a son of")
    ("Daniel Bernoulli was a son of Johann Bernoulli. His father asked him to study medicine. "
     "Later his father met Leonhard Euler.",
     [("Johann Bernoulli", "ask", "Daniel Bernoulli", None),
      ("Johann Bernoulli", "meet", "Leonhard Euler", "contacts")]),
    # ... or the parent of the gender the noun asks, of those the person was "born to"
    ("Jared Padalecki was born in San Antonio to John Padalecki and Mary Padalecki. His father met "
     "Barack Obama.", [("John Padalecki", "meet", "Barack Obama", "contacts")]),
    # a role in a field held at an organisation: works there, whatever the role's noun
    ("Cynthia Thompson, curator and director of exhibits at the University of Arkansas, said "
     "the images were rare.",
     [("Cynthia Thompson", "director of exhibits at", "University of Arkansas", "employer")]),
    ("Tom Brown, head of research at IBM, said the plan failed.",
     [("Tom Brown", "head of research at", "IBM", "employer")]),
    # a title before the organisation before the name; a parenthesis after the organisation
    ("After the leak, CEO of the Refugee Council Enver Solomon told Sky News the process must "
     "be well thought out.",
     [("Enver Solomon", "ceo of", "Refugee Council", "chief_executive_of")]),
    ("The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, has called "
     "the sentence dangerous.",
     [("Nunzio Galantino", "secretary general of", "CEI", "employer")]),
    # a place before "and" and a person's name is no list of places
    ("There are exhibits at Skidmore College in Saratoga Springs, New York and an Edward Steichen "
     "and Andy Warhol exhibit at the Block Museum.",
     [("Saratoga Springs", "located in", "New York", "located_in")]),
    # "the <A> town of <B>": B is the town, inside A; "the <A> region of <country>": A inside it
    ("The gunman attacked a school in the Texas town of Uvalde.",
     [("Uvalde", "located in", "Texas", "located_in")]),
    ("Fighting reached the Kharkiv region of Ukraine.",
     [("Kharkiv", "located in", "Ukraine", "located_in")]),
    # a country before a person's occupation gives a nationality, not a job
    ("Interview with US political activist and philosopher Noam Chomsky",
     [("Noam Chomsky", "citizen of", "United States", "citizen_of")]),
    ("The American actor and director Tom Hanks spoke.",
     [("Tom Hanks", "citizen of", "United States", "citizen_of")]),
    # a job held for a person: their name before it, or after "to"
    ("Obama's national security advisor James Jones favours the expansion of NATO.",
     [("James Jones", "advisor of", "Barack Obama", "employer")]),
    ("Kellyanne Conway, an adviser to Donald Trump, said the deal was done.",
     [("Kellyanne Conway", "adviser to", "Donald Trump", "employer")]),
    # nouns joined by "and" share what they are "at"
    ("K.C. Maurer, chief financial officer and treasurer at the Andy Warhol Foundation, said 500 "
     "institutions received the invitation.",
     [("K.C. Maurer", "officer at", "Andy Warhol Foundation", "employer")]),
    ("Pan-democrat veteran Cyd Ho from the Labour Party lost her seat in this constituency.",
     [("Cyd Ho", "member of", "Labour Party", "member_of")]),
    # an acronym a person is "of" is an organisation, whatever the NER said (here: a person)
    ("Two veteran politicians Lee Cheuk-yan of the Labour Party and Frederick Fung of ADPL "
     "were defeated.", [("Frederick Fung", "member of", "ADPL", "member_of"),
                        ("Lee Cheuk-yan", "member of", "Labour Party", "member_of")]),
    # a name is never cut after "of", whatever the NER made of the rest
    ("At the Battle of Chudnov in 1660, Gordon was wounded.",
     [("Gordon", "be wounded at", "Battle of Chudnov", None)]),
    # what a verb acts on stays in its predicate; an amount does not
    ("Pierre L'Enfant left school in France in 1776.",
     [("Pierre L'Enfant", "leave school in", "France", None)]),
    ("Twitter gave Ahmed Mohamed an internship.",
     [("Twitter", "give internship to", "Ahmed Mohamed", None)]),
    # where a name is, set off by commas, however the parser attached the participle
    ("The exhibit came from Duke University, located in Durham, and from Yale.",
     [("Duke University", "be located in", "Durham", "located_in")]),
    ("Biden's daughter, Ashley Biden, said her father was tired.",
     [("Ashley Biden", "daughter of", "Joe Biden", "child_of")]),
    ("DAB's Starry Lee was elected in Kowloon.", [("Starry Lee", "member of", "DAB", "member_of")]),
    # read from the order of words, however the parser attached the name
    ("Co-founder of Google, Sergey Brin, met the students.",
     [("Sergey Brin", "co-founder of", "Google", "founder_of")]),
    ("The president of the Lombardy region, Roberto Maroni, proposed new funds.",
     [("Roberto Maroni", "president of", "Lombardy", "leader_of")]),
    ("France's interior minister Gérald Darmanin met officials in Paris.",
     [("Gérald Darmanin", "minister of", "France", "employer")]),
    # the NER calls the organisation a person: "International" says what it is
    ("Jane Doe, a spokeswoman for Amnesty International, said so.",
     [("Jane Doe", "spokeswoman for", "Amnesty International", "employer")]),
    # plain verbs, prepositional objects, noun-mediated objects
    ("Elon Musk met Vladimir Putin in Moscow.",
     [("Elon Musk", "meet", "Vladimir Putin", "contacts")]),
    ("Elon Musk tweeted out an invitation to Vladimir Putin.",
     [("Elon Musk", "tweet out invitation to", "Vladimir Putin", "contacts")]),
    ("Elon Musk has been in regular contact with Vladimir Putin since late 2022.",
     [("Elon Musk", "be in contact with", "Vladimir Putin", "contacts")]),
    ("SpaceX essentially controls NASA's rocket launch schedule.",
     [("SpaceX", "control schedule of", "NASA", "controls")]),
    # conjunctions of objects and of subjects
    ("Joe Biden criticized Donald Trump and Vladimir Putin.",
     [("Joe Biden", "criticize", "Donald Trump", "criticises"),
      ("Joe Biden", "criticize", "Vladimir Putin", "criticises")]),
    # passive with agent becomes active
    ("SpaceX was founded by Elon Musk in 2002.",
     [("Elon Musk", "found", "SpaceX", "founder_of")]),
    # a passive participle under a preposition takes the main clause's subject as its patient
    ("Before being overtaken by Saudi Arabia and the US in recent years, Russia was the leading "
     "oil producer.",
     [("Saudi Arabia", "overtake", "Russia", None), ("United States", "overtake", "Russia", None)]),
    # inverted copular question, hedged by the question mark
    ("Is Elon Musk in regular contact with Vladimir Putin?",
     [("Elon Musk", "be in contact with", "Vladimir Putin", "contacts")]),
    # relational nouns
    ("The conflict between Russia and Ukraine continues to escalate.",
     [("Russia", "conflict with", "Ukraine", "opposes")]),
    ("The Journal reports that Musk's contact with Putin is a secret.",
     [("Elon Musk", "contact with", "Vladimir Putin", "contacts")]),
    # appositions and titles
    ("Xi Jinping spoke. China's leader, Xi Jinping, met Joe Biden.",
     [("Xi Jinping", "leader of", "China", "leader_of")]),
    ("A report on his ties to President Vladimir Putin of Russia renewed questions.",
     [("Vladimir Putin", "president of", "Russia", "leader_of")]),
    # a title of two words, and a lower-case one before its holder
    ("He met former Afghan Prime Minister Gulbuddin Hekmatyar.",
     [("Gulbuddin Hekmatyar", "prime minister of", "Afghanistan", "leader_of")]),
    ("He impressed Soviet leader Leonid Brezhnev.",
     [("Leonid Brezhnev", "leader of", "Soviet Union", "leader_of")]),
    # a lower-case person's noun with no holder is no title
    ("The singer Zella Lehr released a cover.", []),
    ("Vladimir Putin, the Russian president, met Elon Musk.",
     [("Vladimir Putin", "president of", "Russia", "leader_of")]),
    # an object with a participle ("get X elected"); a participle after a comma belongs to the
    # main clause's subject, not to the verb the parser hung it on
    ("Elon Musk has ramped up his campaign to get Donald Trump elected in recent weeks, "
     "rallying hard in the battleground state of Pennsylvania.",
     [("Elon Musk", "get elected", "Donald Trump", "supports"),
      ("Elon Musk", "rally in state of", "Pennsylvania", None)]),
    # examples stand for the noun they illustrate
    ("Starlink services are used by U.S. embassies and government departments, like the U.S. "
     "Forest Service.",
     [("U.S. Forest Service", "use", "Starlink", "uses")]),
    ("Musk met several leaders, including Vladimir Putin.",
     [("Elon Musk", "meet", "Vladimir Putin", "contacts")]),
    # through a noun and "in" to an owner
    ("Musk could play a role in the administration of Joe Biden.",
     [("Elon Musk", "play role in administration of", "Joe Biden", None)]),
    # nationalities and countries from demonyms
    ("Paul Robeson was an American singer and actor.",
     [("Paul Robeson", "citizen of", "United States", "citizen_of")]),
    ("Marie Curie, a Polish physicist, was the wife of Pierre Curie.",
     [("Marie Curie", "citizen of", "Poland", "citizen_of"),
      ("Marie Curie", "be wife of", "Pierre Curie", "spouse_of")]),
    ("Guido Bonatti (died between 1296 and 1300) was an Italian mathematician.",
     [("Guido Bonatti", "citizen of", "Italy", "citizen_of")]),
    # the parser's subject inside the brackets: the name before them is the subject
    ("Kurt Tucholsky (; 9 January 1890 – 21 December 1935) was a journalist who was born in Berlin.",
     [("Kurt Tucholsky", "be born in", "Berlin", None)]),
    ("Christine Razanamahasoa is a Malagasy politician.",
     [("Christine Razanamahasoa", "citizen of", "Madagascar", "citizen_of")]),
    # a preposition the parser hung on the first of two conjoined nouns
    ("Leone Marucci is an American filmmaker and founder of the company Steelyard Pictures.",
     [("Leone Marucci", "be founder of", "Steelyard Pictures", "founder_of")]),
    # kinship nouns in apposition, like roles
    ("Marie Bonnevie, the wife of Johan Angell, died in 1904.",
     [("Marie Bonnevie", "wife of", "Johan Angell", "spouse_of")]),
    ("Samantha Mumba, the daughter of Peter Mumba, is a singer.",
     [("Samantha Mumba", "daughter of", "Peter Mumba", "child_of")]),
    # memberships and jobs: an organisation's name before a person's noun, nouns with "of"/"at"
    ("Joan Burton is a Labour Party politician from Dublin.",
     [("Joan Burton", "member of", "Labour Party", "member_of")]),
    # a party's member of parliament, "MP" a proper noun; the NER's "Labour MP" is the party
    ("Jane Doe, an ANC MP, said the vote was rigged.",
     [("Jane Doe", "member of", "ANC", "member_of")]),
    ("Labour MP John Hlophe said the vote was rigged.",
     [("John Hlophe", "member of", "Labour", "member_of")]),
    ("Olof Mörck is the guitarist of the metal band Amaranthe.",
     [("Olof Mörck", "be guitarist of", "Amaranthe", "member_of")]),
    ("Horst Eidenmüller is a professor at the University of Oxford.",
     [("Horst Eidenmüller", "be professor at", "University of Oxford", "employer")]),
    # a country's name as a modifier, after "from", or owning a name
    ("Amos J. Hochstein is a U.S. businessman and former diplomat.",
     [("Amos J. Hochstein", "citizen of", "United States", "citizen_of")]),
    # a bracket whose first words were cut (Wikipedia's stripped pronunciations)
    ("Anatoly Chubais (; born 16 June 1955) is a Russian politician and businessman.",
     [("Anatoly Chubais", "citizen of", "Russia", "citizen_of")]),
    ("Daniel Ajayi-Adeniran is a Pentecostal pastor from Nigeria.",
     [("Daniel Ajayi-Adeniran", "citizen of", "Nigeria", "citizen_of")]),
    ("The song preceded Italy's Franca Raimondi with a ballad.",
     [("Franca Raimondi", "citizen of", "Italy", "citizen_of")]),
    ("A letter from Russia reached John Smith, a journalist from Canada.",
     [("John Smith", "citizen of", "Canada", "citizen_of")]),
    ("Fyllingen Fotball was a Norwegian association football club from Fyllingsdalen.",
     [("Fyllingen Fotball", "located in", "Fyllingsdalen", "located_in"),
      ("Fyllingen Fotball", "located in", "Norway", "located_in")]),
    ("Heeney is a census-designated place in Summit County, Colorado.",
     [("Heeney", "be place in", "Summit County", "located_in")]),
    # a place after a verb's object noun: where it happened
    ("In the summer of 2010, Marbles was sharing a three-bedroom apartment in Cambridge.",
     [("Marbles", "share apartment in", "Cambridge", None)]),
    # a person from a city comes from it (and does not live there, nor is its citizen)
    ("Ahmed Mohamed, a 14-year-old boy from Irving, Texas, was arrested at his school.",
     [("Ahmed Mohamed", "come from", "Irving", None)]),
    # an event is held in the place after it
    ("The Spitfire Tournament in Canada was a really good tournament actually.",
     [("Spitfire Tournament", "located in", "Canada", "located_in")]),
    # places nested in a sentence, and what the nesting implies
    ("He lived in Springfield, Sangamon, Illinois.",  # a state of the demonym table ends it
     [("Springfield", "located in", "Illinois", "located_in")]),
    # pairs of a city and its state joined by "and" are no list of the first state's
    ("The company has offices in both Los Angeles, California and Detroit, Michigan.",
     [("Los Angeles", "located in", "California", "located_in"),
      ("Detroit", "located in", "Michigan", "located_in")]),
    ("He was born in Buttenhausen in Münsingen, Württemberg.",
     [("Buttenhausen", "located in", "Münsingen", "located_in"),
      ("Münsingen", "located in", "Württemberg", "located_in"),
      ("Buttenhausen", "located in", "Württemberg", "located_in")]),
    ("Westmere is a hamlet in the town of Guilderland, Albany County, New York.",
     [("Westmere", "be hamlet in town of", "Guilderland", "located_in"),
      ("Guilderland", "located in", "Albany County", "located_in"),
      ("Albany County", "located in", "New York", "located_in"),
      ("Westmere", "located in", "New York", "located_in")]),
    ("Tigran Petrosian was a Soviet Armenian grandmaster.",
     [("Tigran Petrosian", "citizen of", "Soviet Union", "citizen_of"),
      ("Tigran Petrosian", "citizen of", "Armenia", "citizen_of")]),
    ("Brigden is a community in the township of St. Clair, Lambton County, Ontario, Canada.",
     [("Brigden", "be community in township of", "St. Clair", "located_in"),
      ("St. Clair", "located in", "Lambton County", "located_in"),
      ("Brigden", "located in", "Canada", "located_in")]),
    ("Roald is a village in Giske Municipality in Møre og Romsdal county, Norway.",
     [("Roald", "be village in", "Giske Municipality", "located_in"),
      ("Giske Municipality", "located in", "Møre og Romsdal", "located_in"),
      ("Møre og Romsdal", "located in", "Norway", "located_in")]),
    ("Leonessa is a town in the far northeastern part of the Province of Rieti in the Lazio "
     "region of central Italy.",
     [("Leonessa", "be town in", "Lazio", "located_in"),
      ("Leonessa", "be town in", "Italy", "located_in"),
      ("Lazio", "located in", "Italy", "located_in")]),
    ("Osaka Bay is a bay in western Japan.", [("Osaka Bay", "be bay in", "Japan", "located_in")]),
    ("Morogoro Region is one of Tanzania's 31 administrative regions.",
     [("Morogoro Region", "be region of", "Tanzania", "located_in")]),
    ("He was educated at McGill University in Montreal, Quebec, and at INSEAD in Paris.",
     [("McGill University", "located in", "Montreal", "located_in"),
      ("Montreal", "located in", "Quebec", "located_in")]),
    ("Goodooga is a village in the Australian state of New South Wales.",
     [("New South Wales", "located in", "Australia", "located_in"),
      ("Goodooga", "located in", "Australia", "located_in")]),
    # a city the cities table has in the country or state named after it is a city, whatever
    # the NER said (here: Trento a person), and so are the places it nests
    ("At the moment Shalev is in Levico Terme, Trento, Italy for a conference.",
     [("Levico Terme", "located in", "Trento", "located_in"),
      ("Trento", "located in", "Italy", "located_in")]),
    ("Taipei, Taiwan — The Taipei City Lantern Festival was off to a bright start.",
     [("Taipei", "located in", "Taiwan", "located_in")]),
    # an organisation is in the city after its comma; an apposition says where a thing is;
    # a place's possessive names where its building is
    ("Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said it.",
     [("University of Arkansas", "located in", "Fayetteville", "located_in")]),
    ("Bocconi University, a private university in Milan, must pay the tax.",
     [("Bocconi University", "located in", "Milan", "located_in")]),
    ("She visited New York's Metropolitan Museum of Art.",
     [("Metropolitan Museum of Art", "located in", "New York", "located_in")]),
    # where an organisation's headquarters are is where it is
    ("Mohamed received VIP attention at Google headquarters in California.",
     [("Google", "located in", "California", "located_in")]),
    # a role a person holds for another person, named with a possessive before the title or
    # in an apposition
    ("Putin's spokesman Dmitry Peskov denied the report.",
     [("Dmitry Peskov", "spokesman of", "Vladimir Putin", "employer")]),
    ("Dmitry Peskov, Putin's spokesman, denied the report.",
     [("Dmitry Peskov", "spokesman of", "Vladimir Putin", "employer")]),
    # a participle on the complement of a copula is about the copula's subject; with an
    # agent it is a passive
    ("Sappy Records is an independent record label based in Sackville, started by Julie "
     "Doiron in 1990.",
     [("Sappy Records", "be based in", "Sackville", "located_in"),
      ("Julie Doiron", "start", "Sappy Records", "founder_of")]),
    # a participle on a noun is passive: "born in", not "bear in"
    ("Aner Shalev is an Israeli mathematician born in 1958 in Kibbutz Kinneret.",
     [("Aner Shalev", "be born in", "Kibbutz Kinneret", None)]),
    ("Robert Sarvis is the only candidate born and raised in Virginia.",
     [("Robert Sarvis", "be raised in", "Virginia", None)]),
    # a participle joined to a passive is passive too
    ("Jenna Marbles was born and raised in Rochester, New York.",
     [("Jenna Marbles", "be raised in", "Rochester", None)]),
    # a role a copula states ("the president of Russia" elsewhere is a description)
    ("Vladimir Putin is the president of Russia.",
     [("Vladimir Putin", "be president of", "Russia", "leader_of")]),
    ("Elon Musk is the chief executive of Tesla.",
     [("Elon Musk", "be chief executive of", "Tesla", "chief_executive_of")]),
    ("Melania Trump is married to Donald Trump.",
     [("Melania Trump", "be married to", "Donald Trump", "spouse_of")]),
    ("Elon Musk has been critical of Joe Biden.",
     [("Elon Musk", "be critical of", "Joe Biden", "criticises")]),
    ("Tesla is headquartered in Austin.", [("Tesla", "be headquartered in", "Austin", "located_in")]),
    # some types are said only of people: a country joining an alliance is a member
    ("Sweden joined NATO in 2024.", [("Sweden", "join", "NATO", "member_of")]),
    ("Satya Nadella joined Microsoft in 1992.", [("Satya Nadella", "join", "Microsoft", "employer")]),
    # conjoined subjects of a reciprocal verb act on each other; a place is where, not whom
    ("Joe Biden and Xi Jinping met in Woodside.",
     [("Joe Biden", "meet", "Xi Jinping", "contacts"), ("Joe Biden", "meet in", "Woodside", None)]),
    # an object-control verb's object is the subject of its infinitive, however parsed
    ("Trump appointed Elon Musk to lead the Department of Government Efficiency.",
     [("Elon Musk", "lead", "Department of Government Efficiency", "leader_of")]),
    ("Musk was named head of the Department of Government Efficiency by Trump.",
     [("Elon Musk", "be named head of", "Department of Government Efficiency", "leader_of")]),
    ("Starlink, a SpaceX subsidiary, provides internet service.",
     [("Starlink", "subsidiary of", "SpaceX", "owned_by")]),
    ("Elon Musk, who owns Tesla, said he would vote.", [("Elon Musk", "own", "Tesla", "owner_of")]),
    ("Joe Biden called Vladimir Putin a killer.",
     [("Joe Biden", "call killer", "Vladimir Putin", None)]),
    ("Elon Musk donated 75 million dollars to America PAC.",
     [("Elon Musk", "donate to", "America PAC", "supports")]),
    # a copula whose subject is the relational noun, its holder a name or a pronoun
    # "Its" is South Sudan to a reader, but the resolution model, fitted on GUM where "it"
    # mostly means no named thing, is not sure enough (0.29 against 0.69 for none): no relation
    ("South Sudan is a country in East Africa. Its capital is Juba.", []),
    ("The capital of South Sudan is Juba.", [("Juba", "be capital of", "South Sudan", "located_in")]),
    # "the company", "the hamlet": the thing the text called so before
    ("SpaceX is a rocket company. The company signed a contract with NASA.",
     [("SpaceX", "sign contract with", "NASA", None)]),
    ("Westmere is a hamlet near Albany. The hamlet is located in Albany County.",
     [("Westmere", "be located in", "Albany County", "located_in")]),
    # a name in apposition to a common noun stands for it
    ("The tech mogul Elon Musk referred to the scientist Constantine Salkovsky.",
     [("Elon Musk", "refer to", "Constantine Salkovsky", None)]),
]

@pytest.mark.parametrize(("text", "name", "entity_type"), [
    # a spacecraft and a pilgrimage the NER took for people
    ("Stardust is a NASA space capsule that collected samples from comet Wild 2. Stardust landed "
     "back on Earth in 2006.", "Stardust", "PRODUCT"),
    ("Over 345 Muslim pilgrims were killed in a stampede during the annual Hajj pilgrimage near "
     "Mecca.", "Hajj", "EVENT"),
    ("Nîmes is a city in France.", "Nîmes", "GPE"),  # the NER says a person
    ("Jane Doe, a spokeswoman for Amnesty International, said so.", "Amnesty International", "ORG"),
    ("Roald is a village in Norway.", "Roald", "GPE"),  # the NER says an organisation
    ("Roketsan is a major Turkish weapons manufacturer based in Ankara.", "Roketsan", "ORG"),
    ("Havelsan, a software company, works with the Turkish army.", "Havelsan", "ORG"),
    # a name ending in a type noun, a name before ", <place>", a name something is "in"
    ("Roald is a village in Giske Municipality.", "Giske Municipality", "GPE"),
    ("Desmarais was born in Sudbury, Ontario.", "Sudbury", "GPE"),
    ("The trail climbs into the Sawtooth Mountains.", "Sawtooth Mountains", "LOC"),
    ("Achilles Last Stand is a song by English rock group Led Zeppelin.", "Led Zeppelin", "ORG"),
    ("The discography of the Cuban-American singer Gloria Estefan consists of twenty studio "
     "albums. Estefan's breakthrough came in 1984. Estefan has also recorded many albums in "
     "Spanish.", "Gloria Estefan", "PERSON"),  # the NER says an organisation, four times
    ("She represented India at the Miss World event in China.", "India", "GPE"),  # a country
    ("The dam forms O'Shaughnessy Reservoir, a source of drinking water.",
     "O'Shaughnessy Reservoir", "LOC"),
    ("Crossgates Mall, the largest shopping mall of the district, is in Westmere.",
     "Crossgates Mall", "FAC"),
    # a capitalised phrase after a name and a comma is another name, not a description
    ("The tour was to include Willie Nelson, Band of Horses, Jamey Johnson, and John Reilly.",
     "Willie Nelson", "PERSON"),
    ("The band played at the Cannes Film Festival.", "Cannes Film Festival", "EVENT"),
    ("The gallery opened a branch in Nîmes in 1990.", "Nîmes", "GPE"),
    # ... but not a person something is said of, nor an organisation one invests in
    ("Elon Musk, Texas Monthly wrote, is rich.", "Elon Musk", "PERSON"),
    ("Blackstone invested in Tesla, Inc. in 2019.", "Tesla", "ORG"),
    # what a name is "of": "the village of", "the island of" (the NER says a person)
    ("The river drains into the Connecticut near the village of Groveton.", "Groveton", "GPE"),
    ("The airport lies on the island of Maui.", "Maui", "LOC"),
    # a name among places in a list is a place (the NER says two people)
    ("He made films about the music of Mozambique, Zimbabwe, Cape Verde, Lesotho and South "
     "Africa.", "Lesotho", "GPE"),
    ("He made films about the music of Mozambique, Zimbabwe, Cape Verde, Lesotho and South "
     "Africa.", "Cape Verde", "GPE"),
    # what is directed, a division of, published or acquired by is an organisation
    ("Bohigian served as a Managing Director of Idealab.", "Idealab", "ORG"),  # NER: GPE
    ("It is a division of Samsung.", "Samsung", "ORG"),  # NER: GPE
    ("The game was published by Nintendo for the Wii.", "Nintendo", "ORG"),  # NER: PERSON
    ("In 2009 Iowa Telecom was acquired by Windstream.", "Windstream", "ORG"),  # NER: PERSON
    # more type nouns: a zone, a reef, a drive; a hospital is an organisation
    ("Debub Gondar is a Zone in the Amhara Region of Ethiopia.", "Debub Gondar", "GPE"),
    ("Kriegers Flak is a reef in the Baltic Sea.", "Kriegers Flak", "LOC"),
    ("It runs from Navigation Drive in the south to Docklands Drive in the north.",
     "Docklands Drive", "FAC"),
    ("He was treated at the Royal Liverpool University Hospital.",
     "Royal Liverpool University Hospital", "ORG"),
    # a place is never short for an organisation named after it
    ("WUIS is owned by the University of Illinois. It serves listeners across Illinois.",
     "Illinois", "GPE"),
    # a name the text calls a film or an album is a work (the NER says an organisation or
    # a person), however the text says so
    ("The song was taken from her seventh studio album, Lotus (2012).", "Lotus", "WORK_OF_ART"),
    ("He scripted and directed the film Thira in 2013.", "Thira", "WORK_OF_ART"),
    ("Khooni Khanjar is a 1930 Indian silent film directed by V. Shantaram.",
     "Khooni Khanjar", "WORK_OF_ART"),
    ("The Hurting is the debut studio album by Tears for Fears.", "The Hurting", "WORK_OF_ART"),
    # ... but a one-word name that is also a work noun stays a name ("Epic", the label)
    ("After the group's breakup, Epic released Renegades in December.", "Epic", "ORG"),
    # what one plays for or is a player of; a club's designator (the NER says people)
    ("Elliott is an English footballer who plays for Partick Thistle in the Scottish "
     "Premiership.", "Partick Thistle", "ORG"),
    ("Söyüncü is the first Altınordu S.K. player called up to the national team.",
     "Altınordu S.K.", "ORG"),
    ("He was transferred in August 2013 to Beşiktaş JK.", "Beşiktaş JK", "ORG"),
    # the body a place or people's name starts (the NER tagged only the place) ...
    ("He was elected to the United States Senate in 1990.", "United States Senate", "ORG"),
    ("He served as a lieutenant commander in the United States Navy during World War II.",
     "United States Navy", "ORG"),
    ("She was president of the Malagasy National Assembly in 2014.",
     "Malagasy National Assembly", "ORG"),
    # ... but the courts of a place leave the place a place
    ("He was blocked by Texas courts because state law prevented it.", "Texas", "GPE"),
    # what lies in a direction from something, or borders it, is a place (NER: a person)
    ("The station is adjacent to the town of Caryville and just west of Jacksboro.",
     "Jacksboro", "GPE"),
    ("Debub Gondar is bordered on the south by Misraq Gojjam and on the west by Lake Tana.",
     "Misraq Gojjam", "GPE"),
    # a big city's name the NER took for a person's, where one goes or is, is the city; a
    # person named in full is not ("Paris Hilton"), nor is a name the table has not
    ("There are daily flights to Tehran and Mashhad in Iran.", "Mashhad", "GPE"),
    ("Paris Hilton flew to London.", "Paris Hilton", "PERSON"),
    # platforms and news agencies of the alias table keep its type (NER: a person)
    ("Wikinews interviews Tina McKenzie about wheelchair basketball.", "Wikinews", "ORG"),
    # the examples of a kind are of that kind (NER: people)
    ("Towns and cities in this zone include Addis Zemen, Debre Tabor and Wereta.", "Wereta", "GPE"),
    # more type nouns: empires, falls, ponds, badlands, galleries; "Fort", "Lake" before a name;
    # the noun before a name's "of"
    ("Ispence was a tax levied on non-Muslims in the Ottoman Empire.", "Ottoman Empire", "GPE"),
    ("The painting currently hangs in the National Gallery in London.", "National Gallery", "FAC"),
    ("The Upper Ammonoosuc rises in Pond of Safety in the town of Randolph.", "Pond of Safety",
     "LOC"),
    ("It flows through the Big Muddy Badlands and into Big Muddy Lake.", "Big Muddy Badlands",
     "LOC"),
    ("Fort Wentworth was built in 1755 at the junction of the two rivers.", "Fort Wentworth", "FAC"),
    ("From 1893, he was a professor at the Moscow School of Painting, Sculpture and Architecture.",
     "Moscow School of Painting, Sculpture and Architecture", "ORG"),
    # what a sentence says outright outweighs the noun a name ends in and the NER together
    ("In 1996 the band released its second studio album, Evil Empire, to acclaim.",
     "Evil Empire", "WORK_OF_ART"),
])
def test_what_the_text_says_a_thing_is_overrules_the_ner(text, name, entity_type):
    graph, _ = extract(text)
    assert graph.entity(name).type == entity_type


def test_a_work_is_a_creative_work_in_rdf_and_round_trips():
    graph, _ = extract("He scripted and directed the film Thira in 2013.")
    dataset = to_dataset(graph)
    works = {str(label) for node in dataset.subjects(RDF.type, SCHEMA.CreativeWork)
             for label in dataset.objects(node, RDFS.label)}
    assert works == {"Thira"} and from_rdf(dataset) == graph


def test_an_acronym_in_brackets_is_the_name_before_it_wherever_it_recurs():
    graph, _ = extract("The Olympic Council of Asia (OCA) runs the Games. OCA is based in "
                       "Kuwait City.")
    council = graph.entity("The Olympic Council of Asia")
    assert council.type == "ORG" and "OCA" in council.aliases
    mentions = [m for m in graph.mentions if m.entity == council.id]
    assert len(mentions) == 3


@pytest.mark.parametrize("text", [
    "The rumors implicated the Doge in the plot.",  # a title alone is no name
    "He was promoted by brevet to Major in 1783.",  # nor a rank
    "In 2012, she was made a Dame for services to architecture.",
])
def test_no_entity_in(text):
    graph, _ = extract(text)
    assert graph.entity_list() == []


def test_a_rank_that_is_a_persons_name_stays_a_name():
    graph, _ = extract("John Major met the Queen. Major said the talks went well.")
    assert "Major" in graph.entity("John Major").aliases


@pytest.mark.parametrize(("text", "labels"), [
    # a title-case heading capitalises common words the article writes in lower case
    ("The Unlikelihood of Putin's Impeachment\n\nPutin's impeachment is unlikely.",
     ["Vladimir Putin"]),  # the alias table's label
    ("Musk's Participation in the Russian Marathon\n\nElon Musk ran in the Russian marathon.",
     ["Elon Musk", "Russia"]),  # "Russian" a demonym of Russia
    # names in a heading stay names
    ("Elon Musk Calls for a New President in Russia\n\nMusk spoke on Friday.",
     ["Elon Musk", "Russia"]),
])
def test_a_heading_capitalises_no_name(text, labels):
    graph, _ = extract(text)
    assert sorted(e.label for e in graph.entity_list() if e.type != "NORP") == labels


def test_a_demonym_starting_a_name_is_no_demonym():
    graph, _ = extract("The French Resistance fought the occupation.")
    assert [(e.label, e.type) for e in graph.entity_list()] == [("French Resistance", "ORG")]


def test_a_city_demonym_is_a_mention_of_the_city_and_no_citizenship():
    graph, _ = extract("Michele Steno, a Venetian statesman, became Doge in 1400.")
    venice = graph.entity("Venice")
    assert [m.kind for m in graph.mentions if m.entity == venice.id] == ["demonym"]
    assert not [r for r in graph.relations() if r.predicate == "citizen of"]


def test_a_passive_whose_subject_is_no_entity_reads_nothing_and_does_not_fail():
    graph, found = extract("The book was written by Elon Musk in 2020.")
    assert graph.report.problems == [] and found == {}


#: sentence -> (subject, object) pairs that must NOT be related
ABSENT = [
    # "ranging from A to B" lists examples of what was received; no one ranges
    ("After news of the police response was reported, Mohamed received support online ranging "
     "from US President Barack Obama to Facebook creator Mark Zuckerberg.",
     [("Ahmed Mohamed", "Barack Obama"), ("Mohamed", "Barack Obama"), ("Mohamed", "Mark Zuckerberg")]),
    # a student of a school, not of a city
    ("John Smith, a student in Boston, said it.", [("John Smith", "Boston")]),
    # only a place has residents
    ("Jane Doe, a resident of Google, won the prize.", [("Jane Doe", "Google")]),
    # one capitalised word after a name may be a seat; a lone first name "of" is one name
    ("General Alexander Gordon of Auchintoul fought for the Jacobites.",
     [("Alexander Gordon", "Auchintoul")]),
    ("The film told the story of Joan of Arc.", [("Joan", "Arc")]),
    # a field of office is no organisation ("Home Secretary"); a story told is no contact
    ("Home Secretary Suella Braverman said the system worked.", [("Suella Braverman", "Home")]),
    ("Health Secretary Sajid Javid and Defence Secretary Ben Wallace visited the base.",
     [("Ben Wallace", "Defence")]),
    # an organisation a pronoun owns is their account (or car, or share), not the organisation
    ("Elon Musk is rich. Perhaps he could be tired of the Russian bots in his Twitter feed?",
     [("Elon Musk", "Twitter")]),
    # a demonym modifying the noun after "for the" is no holder: the military is not the country
    ("Fuad Basya, a spokesman for the Indonesian military, said it.", [("Fuad Basya", "Indonesia")]),
    # a people is no citizen: "a minority" says what the Rohingya are
    ("The rescued members included Rohingya, a stateless minority of Muslims from Myanmar.",
     [("Rohingya", "Myanmar", "citizen of")]),
    # a name given is no relation with whoever gives it
    ("Daniel Montalvo left the elite group within Scientology called the Sea Org.",
     [("Daniel Montalvo", "Sea Org")]),
    ("Aner Shalev gave a talk. I called it Character, walks and words.", [("Aner Shalev", "Character")]),
    ("He visited France, Germany, and Italy.", [("France", "Germany"), ("Germany", "Italy")]),
    ("He visited France, Germany.", [("France", "Germany")]),
    ("Elon Musk has a large following in Russia.", [("Elon Musk", "Russia")]),
    ("Musk met Putin like Trump.", [("Elon Musk", "Donald Trump")]),
    ("Westmere is a hamlet. Guilderland is a town. The town of Bern signed a deal with NASA.",
     [("Guilderland", "NASA")]),
    ("Insight on the Crisis in Ukraine and Russia.", [("Crisis", "Ukraine")]),
    ("Vladimir Putin, the Russian president, met Elon Musk.", [("Vladimir Putin", "Russia", "citizen of")]),
    # whom Musk met is no office of his
    ("Elon Musk met the president of Russia.", [("Elon Musk", "Russia", "president of")]),
    ("Trump appointed Elon Musk to lead the Department of Government Efficiency.",
     [("Donald Trump", "Department of Government Efficiency")]),
    ("Brookston is a city near the Saint Louis River.", [("Brookston", "Saint Louis River")]),
    ("Flights go to Manaus, Macapá, Belém and Santarém.",
     [("Manaus", "Macapá"), ("Macapá", "Belém"), ("Manaus", "Belém")]),
    ("He studied in Montreal, McGill University, for two years.",
     [("Montreal", "McGill University")]),
    ("The exhibition travelled from Paris to Berlin, Germany, and Madrid.",
     [("Berlin", "Germany")]),
    ("A letter from Russia reached John Smith, a journalist from Canada.",
     [("John Smith", "Russia")]),
    # names in a series, joined by commas alone, are not nested in each other
    ("Other cities that trade with Boa Vista are Manaus, Santarém, Macapá, Belém.",
     [("Manaus", "Santarém"), ("Santarém", "Macapá"), ("Manaus", "Belém")]),
    ("John Smith is a Texan oilman.", [("John Smith", "Texas")]),  # a state has no citizens
    ("Jane Doe is a singer from Boston.", [("Jane Doe", "Boston", "located in")]),
    # an aside between dashes is no object of the verb before it
    ("Elon Musk said he would push to change regulations — a big imperative for Tesla — if "
     "elected.", [("Elon Musk", "Tesla")]),
    # a country's coach is its team's, whatever his own country
    ("After the match, Hernan Dario Gomez, Panama coach, said he was happy.",
     [("Hernan Dario Gomez", "Panama", "citizen of")]),
    ("Tunisia's coach Nabil Maaloul said the team played well.",
     [("Nabil Maaloul", "Tunisia", "citizen of")]),
    # "the Melbourne suburb of Preston" is Preston in Melbourne; the words go either way
    ("Wikinews caught up with her in a cafe in the leafy Melbourne suburb of Preston.",
     [("Melbourne", "Preston")]),
    # a person in an apposition is no place's ("a researcher in Helsinki" is a role)
    ("Nick Bos, a researcher in Helsinki, said that.", [("Nick Bos", "Helsinki", "located in")]),
    # an organisation and a comma before a name of no city is no place link
    ("He works for Google, Microsoft, and Apple.", [("Google", "Microsoft")]),
    ("He left Paris, followed by his dog.", [("Paris", "dog")]),
    # people who agree that something is so do not agree with each other
    ("George Bush and James Baker agreed that NATO would not expand.", [("George Bush", "James Baker")]),
    # a stance names what it is for or against, not a holder or a nationality
    ("The pro-Beijing councillors Ann Chiang and Wilson Or were elected.", [("Ann Chiang", "Beijing")]),
    ("Pro-Russian activist Ivan Petrov was arrested.", [("Ivan Petrov", "Russia")]),
    ("The gunman attacked a school in the Texas town of Uvalde.", [("Texas", "Uvalde")]),
    ("Interview with LibriVox founder Hugh McGuire", [("Hugh McGuire", "LibriVox", "citizen of")]),
    # "known as" names (an alias), it relates nothing
    ("Tina McKenzie was a member of the Australia women's national wheelchair basketball team, "
     "known as the Gliders.", [("Tina McKenzie", "Gliders")]),
    # a state or a city holds no actors and no lawyers, and gives no nationality
    ("The Texas lawyer John Smith spoke.", [("John Smith", "Texas")]),
    ("The American actor and director Tom Hanks spoke.", [("Tom Hanks", "United States", "director of")]),
    # an adjective of what does not happen gives no subject to its infinitive
    ("Barack Obama is unable to meet Xi Jinping.", [("Barack Obama", "Xi Jinping")]),
    # a capitalised job before a name is a title, not an employer
    ("Emeritus Professor John Burrows, the chairman of the panel, said the flag was never "
     "open to public choice.", [("John Burrows", "Emeritus")]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t for t, _ in TABLE])
def test_relations_table(text, expected):
    graph, found = extract(text)
    assert graph.report.problems == []
    for subject, predicate, obj, rtype in expected:
        assert (subject, predicate, obj) in found, sorted(found)
        assert found[(subject, predicate, obj)].type == rtype


@pytest.mark.xfail(strict=True, reason="the bundled NER tags only 'Gonzaga' (a person), and kg "
                   "extends no name leftward over a capitalised word: the place is read, the name cut")
def test_a_name_the_ner_cut_at_its_start():
    _, found = extract("Instituto Gonzaga, a catholic school in Milan, must pay the tax.")
    assert ("Instituto Gonzaga", "located in", "Milan") in found


@pytest.mark.parametrize(("text", "pairs"), ABSENT, ids=[t for t, _ in ABSENT])
def test_relations_not_read(text, pairs):
    graph, found = extract(text)
    assert graph.report.problems == []  # nothing read because extraction failed is no pass
    for subject, obj, *predicate in pairs:
        wrong = [k for k in found if k[0] == subject and k[2] == obj and
                 (not predicate or k[1] == predicate[0])]
        assert not wrong, wrong


FLAGS = [
    # (text, (subject, predicate, object), negated, hedged)
    ("Vladimir Putin did not meet Joe Biden.", ("Vladimir Putin", "meet", "Joe Biden"), True, False),
    # what someone failed, was unable or refused to do did not happen
    ("Joe Biden failed to meet Xi Jinping.", ("Joe Biden", "meet", "Xi Jinping"), True, False),
    ("Gordon found himself unable to obtain military employment in Scotland.",
     ("Gordon", "obtain employment in", "Scotland"), True, False),
    ("Vladimir Putin refused to meet Joe Biden.", ("Vladimir Putin", "meet", "Joe Biden"), True, False),
    ("Joe Biden may meet Xi Jinping next week.", ("Joe Biden", "meet", "Xi Jinping"), False, True),
    # a relative clause says what it says as a fact, whatever the main clause's mood
    ("Joe Biden wants to meet Xi Jinping, who visited Moscow.", ("Xi Jinping", "visit", "Moscow"),
     False, False),
    # "is likely / due / ready to": the copula's subject, and not yet a fact
    ("Barack Obama is due to visit Beijing next week.", ("Barack Obama", "visit", "Beijing"),
     False, True),
    ("Barack Obama is likely to meet Xi Jinping.", ("Barack Obama", "meet", "Xi Jinping"), False, True),
    # what is scheduled has not happened yet
    ("Joe Biden is scheduled to meet Xi Jinping in Beijing.", ("Joe Biden", "meet", "Xi Jinping"),
     False, True),
    ("Perhaps Elon Musk wants to meet Vladimir Putin.",
     ("Elon Musk", "meet", "Vladimir Putin"), False, True),
    ("Will Elon Musk meet Vladimir Putin?", ("Elon Musk", "meet", "Vladimir Putin"), False, True),
    ("Vladimir Putin asked Elon Musk not to activate Starlink over Taiwan.",
     ("Elon Musk", "activate", "Starlink"), True, False),
    ("Vladimir Putin asked Elon Musk not to activate Starlink over Taiwan.",
     ("Vladimir Putin", "ask", "Elon Musk"), False, False),
    ("Elon Musk is not the president of France.",
     ("Elon Musk", "be president of", "France"), True, False),
]


@pytest.mark.parametrize(("text", "triple", "negated", "hedged"), FLAGS,
                         ids=[f"{t} {r[1]}" for t, r, _, _ in FLAGS])
def test_negation_and_hedging(text, triple, negated, hedged):
    _, found = extract(text)
    assert triple in found, sorted(found)
    assert (found[triple].evidence.negated, found[triple].evidence.hedged) == (negated, hedged)


def test_attribution_according_to_and_reporting_verbs():
    _, found = extract("Elon Musk has been in regular contact with Vladimir Putin, "
                       "according to The Wall Street Journal.")
    rel = found[("Elon Musk", "be in contact with", "Vladimir Putin")]
    assert rel.evidence.attributed_to == "the-wall-street-journal"
    _, found = extract("The Wall Street Journal reported that Elon Musk met Vladimir Putin.")
    assert found[("Elon Musk", "meet", "Vladimir Putin")].evidence.attributed_to == \
        "the-wall-street-journal"


@pytest.mark.parametrize("text", [
    '"I met Vladimir Putin twice last year," said Elon Musk.',
    'Elon Musk said: "I met Vladimir Putin twice last year."',
    '"I met Vladimir Putin twice last year," Elon Musk told reporters on Monday.',
    'Elon Musk arrived late. "I met Vladimir Putin twice last year," he said.',
    # any verb of speech, also far before the quotation it governs
    'Elon Musk commented on the launch of the rocket, "When I met Vladimir Putin, I thought about Mars."',
    'Elon Musk remarked to reporters, "I met Vladimir Putin twice last year."',
    'After the launch, Elon Musk observed, "I met Vladimir Putin twice last year."',
    '"I met Vladimir Putin twice last year," Elon Musk recalled.',
])
def test_i_in_a_quotation_is_its_speaker_and_the_relation_is_attributed_to_them(text):
    _, found = extract(text)
    relation = found[("Elon Musk", "meet", "Vladimir Putin")]
    assert relation.evidence.attributed_to == "elon-musk"


def test_i_in_a_quotation_no_one_is_said_to_speak_stays_unresolved():
    _, found = extract('Elon Musk arrived late. "I met Vladimir Putin twice last year."')
    assert ("Elon Musk", "meet", "Vladimir Putin") not in found


@pytest.mark.parametrize(("text", "triple"), [
    # a match report's countries are their national teams, not the states
    ("Yesterday, at the World Cup, Sweden defeated South Korea 1 – 0.",
     ("Sweden national team", "defeat", "South Korea national team")),
    ("Group G — Belgium 3 – 0 Panama\n\nIn the first game of the day, Belgium faced Panama.",
     ("Belgium national team", "face", "Panama national team")),
    ("Tunisia lost 1 – 2 to England in Volgograd, and Belgium beat Panama 3 – 0 in Sochi.",
     ("Belgium national team", "beat", "Panama national team")),
    # no game: a war, a treaty
    ("France defeated Germany at Sedan in 1870.", ("France", "defeat", "Germany")),
    ("Sweden and Finland signed a treaty with Norway.", ("Sweden", "sign treaty with", "Norway")),
])
def test_countries_that_play_are_their_national_teams(text, triple):
    graph, found = extract(text)
    assert triple in found, sorted(found)
    team = graph.entity(triple[0])
    assert team.type == ("ORG" if "national team" in triple[0] else "GPE")


INTERVIEWS = [
    # (lead, question, answer, relation the answer states, attributed to)
    ("Wikinews interviews Hugh McGuire about LibriVox.", "Why did you start it?",
     "I launched LibriVox in Montreal.", ("Hugh McGuire", "launch", "LibriVox"), "hugh-mcguire"),
    ("Interview with LibriVox founder Hugh McGuire", "How did it begin?",
     "I met Lawrence Lessig in Boston.", ("Hugh McGuire", "meet", "Lawrence Lessig"), "hugh-mcguire"),
    ("Wikinews spoke with William Evans, president of the International Brotherhood of Magicians.",
     "Where do you perform?", "I have visited Italy many times.",
     ("William Evans", "visit", "Italy"), "william-evans"),
    # the interviewee tells the publication; a description between "interviews" and the name
    ("Biologist Nick Bos tells Wikinews about self-medicating ants", "Where did you study?",
     "I studied in Helsinki.", ("Nick Bos", "study in", "Helsinki"), "nick-bos"),
    ("Wikinews interviews academic Simon Ličen about the Paralympics", "Where do you teach?",
     "I teach in Pullman.", ("Simon Ličen", "teach in", "Pullman"), "simon-licen"),
    ("Hugh McGuire spoke to Wikinews about LibriVox.", "Why did you start it?",
     "I launched LibriVox in Montreal.", ("Hugh McGuire", "launch", "LibriVox"), "hugh-mcguire"),
]


@pytest.mark.parametrize(("lead", "question", "answer", "triple", "speaker"), INTERVIEWS,
                         ids=[row[3][0] + " " + row[3][1] for row in INTERVIEWS])
def test_i_in_an_interviews_answers_is_the_person_interviewed(lead, question, answer, triple, speaker):
    _, found = extract("\n\n".join([lead, question, answer]))
    assert triple in found, sorted(found)
    assert found[triple].evidence.attributed_to == speaker


def test_you_in_an_interviews_question_is_the_person_interviewed():
    graph, _ = extract("Wikinews interviews Hugh McGuire.\n\nWhy did you found LibriVox?\n\n"
                       "Because books should be free.")
    mentions = [m.text for m in graph.mentions if m.entity == "hugh-mcguire"]
    assert "you" in mentions


_LONG_ANSWER = ("I think NATO should have ended with the Cold War. " * 12
                + "So why should it exist, with no pretense of defense?")
OPENINGS = [
    # (interview, the person interviewed, which of its "I"/"you"/"your" are that person, in order)
    # printed from its middle: an answer before the first question
    ("Wikinews interviewed Tina McKenzie in Preston.\n\nIt was a tournament I wish we had gone "
     "back to.\n\nWho plays in that one?\n\nIt is a large Canadian tournament.", "Tina McKenzie", [True]),
    # a first question without its question mark
    ("Wikinews interviews Marymegan Daly on a new sea anemone.\n\nHow did you come to be involved "
     "with this discovery\n\nFrank Rack got in touch, hoping I could help.\n\nWhat was your first "
     "reaction?\n\nI was amazed.", "Marymegan Daly", [True, True, True, True]),
    # the interviewer's "I" in a question without its mark; an answer ending in a question of its own
    ("Interview with philosopher Noam Chomsky.\n\nOn March 13, Chomsky sat down with Michael "
     "Dranove.\n\nI just wanted to know if you had any thoughts on NATO.\n\n" + _LONG_ANSWER
     + "\n\nDo you see a revival of the Left?\n\nIt is hard to tell.", "Noam Chomsky",
     [False, True] + [True] * 12 + [True]),
]


@pytest.mark.parametrize(("text", "person", "theirs"), OPENINGS, ids=["middle", "no mark", "long answer"])
def test_where_an_interviews_questions_and_answers_begin(text, person, theirs):
    graph, _ = extract(text)
    entity = graph.entity(person).id
    ours = {m.start for m in graph.mentions if m.entity == entity}
    pronouns = [m.start() for m in re.finditer(r"\b(I|you|your)\b", text)]
    assert [start in ours for start in pronouns] == theirs


@pytest.mark.parametrize("text", [
    # several people interviewed: whose "I" it is, the text does not say
    "Wikinews interviews Mario Lucero and Isabel Ruiz.\n\nWho founded it?\n\nI met Lawrence Lessig.",
    # no question: a column in the first person, not an interview
    "Wikinews interviews Hugh McGuire.\n\nI met Lawrence Lessig.",
    # no one said to be interviewed
    "Hugh McGuire launched LibriVox.\n\nWhy books?\n\nI met Lawrence Lessig.",
    # what the interview is about is not whom it was with
    "Wikinews interviews meteorologists about Cyclone Phailin.\n\nWhy now?\n\nI met Lawrence Lessig.",
])
def test_i_stays_unresolved_where_the_interview_does_not_say_who_answers(text):
    _, found = extract(text)
    assert not any(key[1] == "meet" and key[2] == "Lawrence Lessig" for key in found), sorted(found)


def test_time_from_the_sentence_else_the_article_date():
    _, found = extract("Elon Musk has been in regular contact with Vladimir Putin since late 2022.")
    ev = found[("Elon Musk", "be in contact with", "Vladimir Putin")].evidence
    assert (ev.time, ev.time_text) == ("2022", "since late 2022")
    _, found = extract("Elon Musk met Vladimir Putin.", published="2024-10-25T08:00:00Z")
    ev = found[("Elon Musk", "meet", "Vladimir Putin")].evidence
    assert (ev.time, ev.time_text) == ("2024-10-25", None)


@pytest.mark.parametrize(("text", "key", "time_text"), [
    ("Mikhail Gorbachev, the former president of the Soviet Union, spoke.",
     ("Mikhail Gorbachev", "president of", "Soviet Union"), "former"),
    ("Former Labour leader Neil Kinnock spoke.", ("Neil Kinnock", "leader of", "Labour"), "former"),
    ("Ex-president of Brazil Jair Bolsonaro spoke.", ("Jair Bolsonaro", "president of", "Brazil"),
     "former"),
    # "former" of the holder, not of the role
    ("Vladimir Putin, the president of the former Soviet Union, spoke.",
     ("Vladimir Putin", "president of", "Soviet Union"), None),
])
def test_a_former_role_is_no_role_at_the_article_date(text, key, time_text):
    _, found = extract(text, published="2024-10-25T08:00:00Z")
    ev = found[key].evidence
    assert ev.time_text == time_text
    assert ev.time == (None if time_text else "2024-10-25")


def test_coreference_names_roles_and_pronouns():
    text = ("Elon Musk runs SpaceX. The Tesla C.E.O. has been in contact with Vladimir Putin. "
            "On one occasion, the Russian president asked Musk not to activate his Starlink "
            "service over Taiwan.")
    graph, found = extract(text)
    musk = graph.entity("the Tesla C.E.O.")
    assert musk.id == "elon-musk"
    assert {"Musk", "the Tesla C.E.O."} <= set(musk.aliases)
    assert ("Elon Musk", "be in contact with", "Vladimir Putin") in found
    assert ("Vladimir Putin", "ask", "Elon Musk") in found
    assert ("Elon Musk", "ceo of", "Tesla") in found
    assert ("Vladimir Putin", "president of", "Russia") in found


@pytest.mark.parametrize(("text", "name"), [
    ("Nonpartisan Paul Tse and Wong Kwok-kin of the FTU were successfully re-elected.", "Wong Kwok-kin"),
    ("Lam Cheuk-ting from the Democratic Party was elected.", "Lam Cheuk-ting"),
    ("The deal was signed by Tony Blair-style leaders.", "Tony Blair"),  # no "-style", no "-"
    # a university's campus is part of its name, where the NER stopped before "at"
    ("The museum at the University of North Carolina at Greensboro saw 11,000 visitors.",
     "University of North Carolina at Greensboro"),
    ("He is a professor at the University of Illinois at Urbana-Champaign.",
     "University of Illinois at Urbana-Champaign"),
])
def test_a_name_the_ner_cut_short_is_whole(text, name):
    graph, _ = extract(text)
    assert name in {e.label for e in graph.entity_list()}, sorted(e.label for e in graph.entity_list())


@pytest.mark.parametrize(("text", "name", "predicate"), [
    ("Noam Chomsky is a professor emeritus at MIT.", "Noam Chomsky", "a professor emeritus"),
    # a subject the parser gave to the brackets after it
    ("Matthew William Goode (born 3 April 1978) is an English character actor.",
     "Matthew William Goode", "an English character actor"),
    ("Aner Shalev, who is a professor at Hebrew University, spoke.", "Aner Shalev", "a professor"),
])
def test_what_a_copula_says_a_thing_is_is_a_mention_of_it(text, name, predicate):
    graph, found = extract(text)
    mentions, _ = graph.by_article()["t"]
    entity = graph.entity(name).id
    assert (predicate, "predicate") in {(m.text, m.kind) for m in mentions if m.entity == entity}


@pytest.mark.parametrize(("text", "name", "apposition"), [
    ("Daniel Montalvo, 19, a member of Scientology all his life, was arrested.", "Daniel Montalvo",
     "a member of Scientology"),
    ("Hilary Braysmith, USI associate professor of art history, said it was good.",
     "Hilary Braysmith", "USI associate professor of art history"),
])
def test_an_apposition_is_a_mention_of_its_name(text, name, apposition):
    graph, _ = extract(text)
    mentions, _ = graph.by_article()["t"]
    entity = graph.entity(name).id
    assert (apposition, "appos") in {(m.text, m.kind) for m in mentions if m.entity == entity}


def test_a_persons_noun_is_no_apposition_of_a_place():
    graph, _ = extract("Moreau was born in Paris, the daughter of Katherine Buckley, a dancer.")
    mentions, _ = graph.by_article()["t"]
    assert not [m for m in mentions if m.entity == graph.entity("Paris").id and m.kind == "appos"]


@pytest.mark.parametrize("text", [
    "Noam Chomsky is not a professor at MIT.",  # what a copula denies
    "Noam Chomsky is one of the founders.",  # no noun with a determiner
])
def test_no_predicate_mention(text):
    graph, _ = extract(text)
    mentions, _ = graph.by_article()["t"]
    assert not [m for m in mentions if m.kind == "predicate"]


def test_the_noun_a_name_ends_in_refers_back_to_it():
    graph, _ = extract("Jane Doe studied at Duke University in 1990. The university gave her a "
                       "prize.")
    assert "the university" in graph.entity("Duke University").aliases


def test_a_day_the_ner_took_into_a_name_is_no_part_of_it():
    graph, _ = extract("It published its 50,000th article, and Wikinews interviewed the site's "
                       "founder, Jack Herrick, on Saturday.")
    assert "Wikinews" in {e.label for e in graph.entity_list()}
    assert not [e for e in graph.entity_list() if "Saturday" in e.label]


@pytest.mark.parametrize(("text", "not_a_name"), [
    ("Farmers who raise turkey for Thanksgiving met Joe Biden.", "turkey"),  # all lower case
    ("The State signed a deal with Joe Biden.", "State"),  # a lone place noun is a fragment
    ("Joe Biden was never crowned Holy Roman Emperor.", "Holy Roman Emperor"),  # titles
    ("Joe Biden never joined the navy as a Petty Officer.", "Petty Officer"),
    ("Joe Biden was never made an Earl.", "Earl"),
    ("Anti-Trump protesters marched past Joe Biden in Washington.", "Anti-Trump"),
    # a caption's credit line: the picture's word is no part of the name
    ("Ahmed Mohamed Image: Twitter user. Joe Biden met Ahmed Mohamed in Texas.", "Ahmed Mohamed Image"),
])
def test_what_is_no_name(text, not_a_name):
    graph, _ = extract(text)
    with pytest.raises(EntityNotFound):
        graph.entity(not_a_name)
    assert graph.entity("Joe Biden").type == "PERSON"


def test_a_name_the_ner_ran_into_the_next_one_loses_the_conjunction():
    graph, _ = extract("Airlines serving Phoenix include American Airlines and Southwest. The United "
                       "Nations and United States have both criticised the policy.")
    labels = {e.label for e in graph.entity_list()}
    assert {"American Airlines", "United Nations", "United States"} <= labels, labels
    assert not any(label.endswith((" and", ",")) for label in labels)


def test_two_names_the_ner_ran_together_with_and_are_two():
    graph, _ = extract("He taught at the University of California and Columbia University. Bosnia and "
                       "Herzegovina signed. The Department of Health and Human Services agreed.")
    labels = {e.label for e in graph.entity_list()}
    assert {"University of California", "Columbia University"} <= labels, labels
    assert "University of California and Columbia University" not in labels
    assert any("Health and Human Services" in label for label in labels), labels


def test_a_date_the_parser_made_the_subject_of_a_description_is_no_name():
    """"(8 September 1841 - 1 May 1904) was a Czech composer" parsed with "September" as the
    subject: "X was a composer" makes names of what the NER missed, never of a date."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.mentions import ArticleEntities
    from kg.extract.missed_names import described_names

    words = ["8", "September", "1841", "was", "a", "composer", "and", "Novak", "was", "a", "composer"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              heads=[1, 3, 1, 3, 5, 3, 3, 8, 3, 10, 8],
              deps=["nummod", "nsubj", "nummod", "ROOT", "det", "attr", "cc", "nsubj", "conj", "det", "attr"],
              pos=["NUM", "PROPN", "NUM", "AUX", "DET", "NOUN", "CCONJ", "PROPN", "AUX", "DET", "NOUN"],
              lemmas=["8", "September", "1841", "be", "a", "composer", "and", "Novak", "be", "a", "composer"])
    result = ArticleEntities(doc)
    described_names(result)
    named = [m.span(doc).text for c in result.clusters.values() for m in c.mentions]
    assert named == ["Novak"]


def test_a_name_the_text_describes_joins_the_same_name_in_the_headline():
    # the NER read "Aner Shalev" in the headline only; the body's, found as what "is a
    # mathematician", is the same person, and so is the surname after it
    text = ("Wikinews interviews Israeli mathematician and writer Aner Shalev Wednesday, September 19, "
            "2007\n\nAner Shalev is an Israeli mathematician and writer born in 1958 in Kibbutz Kinneret, "
            "Tiberias. Currently Shalev is a Professor at Hebrew University of Jerusalem's Einstein "
            "Institute of Mathematics.")
    graph, found = extract(text)
    assert [e.label for e in graph.entity_list() if "Shalev" in e.label] == ["Aner Shalev"]
    assert any(s == "Aner Shalev" and p == "be professor at" for s, p, _ in found), sorted(found)
