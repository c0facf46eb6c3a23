"""Read GUM documents (``../shared/corpora/gum/dep``) as text with gold mentions and chains.

GUM (Zeldes 2017; WikiGUM links, Lin & Zeldes 2024) gives every document's tokens with
gold PTB tags and UD trees, and in the CoNLL-U ``MISC`` column its entity layer: brackets
that open and close mentions, each with its chain id, entity type (person, organization,
place, ...), and where one exists its Wikipedia link. kg needs plain text, so the tokens
are joined back as written (``SpaceAfter=No`` respected; paragraphs end in a blank line, and
so does a picture's caption or a heading that GUM sets inside a paragraph),
and every token and mention keeps its exact character span in that text.

A mention is *named* when its head token (the one whose syntactic head lies outside the
mention) is a proper noun (``NNP``/``NNPS``), a *pronoun* when it is one pronoun token, and
a *description* otherwise ("the Tesla C.E.O."). Chains that carry the same Wikipedia link
are one chain (:func:`one_chain_per_link`): the link names one real-world entity.

Examples
--------
>>> doc = parse_conllu(SAMPLE, name="GUM_news_sample", split="dev")
>>> doc.text
'Musk meets Putin\\n\\nElon Musk said he met Putin.'
>>> [(m.text, m.kind, m.chain) for m in doc.mentions]  # doctest: +NORMALIZE_WHITESPACE
[('Musk', 'named', '1'), ('Putin', 'named', '2'), ('Elon Musk', 'named', '1'),
 ('he', 'pronoun', '1'), ('Putin', 'named', '2')]
>>> doc.mentions[2].link, doc.sentences[1]
('Elon_Musk', (2, 18, 46))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Article

__all__ = ["GumToken", "GumMention", "GumDocument", "parse_conllu", "read_gum", "read_splits",
           "gum_name_span", "one_chain_per_link", "SAMPLE"]

NAMED_TAGS = {"NNP", "NNPS"}
PRONOUN_TAGS = {"PRP", "PRP$"}
_BRACKET = re.compile(r"\(([^()]+)|([^()]*)\)")


@dataclass(frozen=True)
class GumToken:
    """One gold token: its characters in the rebuilt text, tags and tree (document indices)."""

    start: int
    end: int
    text: str
    xpos: str
    upos: str
    head: int  # index in the document's tokens, -1 for a sentence root
    deprel: str
    sentence: int  # GUM's sentence number (the sent_id suffix)


@dataclass(frozen=True)
class GumMention:
    """One gold mention: chain id (per document), type, characters, head token and link."""

    chain: str
    type: str
    start: int
    end: int
    text: str
    first: int
    last: int  # token indices, inclusive
    head: int
    kind: str  # named, pronoun or description
    link: str | None
    sentence: int


@dataclass
class GumDocument:
    """A GUM document rebuilt as text, with its gold tokens, sentences and mentions."""

    name: str
    genre: str
    split: str
    title: str
    text: str
    tokens: list[GumToken] = field(default_factory=list)
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # number, start, end
    mentions: list[GumMention] = field(default_factory=list)

    def chains(self) -> dict[str, list[GumMention]]:
        """Mentions grouped by chain id, in text order."""
        out: dict[str, list[GumMention]] = {}
        for mention in self.mentions:
            out.setdefault(mention.chain, []).append(mention)
        return out

    def named_chains(self) -> set[str]:
        """Chains with at least one named mention."""
        return {m.chain for m in self.mentions if m.kind == "named"}

    def to_article(self) -> Article:
        """The document as a kg article (its first sentence is the headline)."""
        return Article(self.name, self.title, self.text, source=f"gum:{self.name}")


def read_splits(splits_md: str | Path) -> dict[str, str]:
    """GUM's official ``dev`` and ``test`` documents from ``splits.md`` (others are train)."""
    splits, current = {}, None
    for line in Path(splits_md).read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("* ") and current in ("dev", "test"):
            splits[line.strip()[2:].strip()] = current
    return splits


def read_gum(gum_dir: str | Path, genres: tuple[str, ...] | None = None) -> list[GumDocument]:
    """Every document of GUM (or of the given genres), with its official split."""
    gum_dir = Path(gum_dir)
    splits = read_splits(gum_dir / "splits.md")
    docs = []
    for path in sorted((gum_dir / "dep").glob("GUM_*.conllu")):
        name = path.stem
        if genres and name.split("_")[1] not in genres:
            continue
        docs.append(parse_conllu(path.read_text(encoding="utf-8"), name=name,
                                 split=splits.get(name, "train")))
    return docs


#: Blocks that stand on their own line on the page even where GUM sets them inside a
#: paragraph ("p (7 s) | figure ... (1 s) | caption (1 s)": a picture's caption, then the
#: paragraph's text).
_OWN_LINE_BLOCKS = ("caption", "head", "figure")
_BLOCK_SIZE = re.compile(r"(\w+)\b.*\((\d+) s\)$")


def parse_conllu(conllu: str, *, name: str, split: str = "train") -> GumDocument:
    """Rebuild one GUM CoNLL-U document as text with character-exact gold annotations."""
    pieces: list[str] = []
    tokens: list[GumToken] = []
    sentences: list[tuple[int, int, int]] = []
    raw_mentions: list[tuple[str, str, int, int, str | None]] = []
    open_stack: list[tuple[str, str, int, str | None]] = []
    offset, genre, number = 0, name.split("_")[1], 0
    sentence_tokens: list[tuple[int, list[str]]] = []
    range_end, range_space = -1, True
    caption_left, break_due = 0, False  # a caption set inside a paragraph stands on its own

    def flush_sentence() -> None:
        nonlocal offset
        if not sentence_tokens:
            return
        base = len(tokens)
        start = offset
        for position, (local_head, cells) in enumerate(sentence_tokens):
            text = cells[1]
            token_start = offset
            offset += len(text)
            pieces.append(text)
            tokens.append(GumToken(token_start, offset, text, cells[4], cells[3],
                                   base + local_head - 1 if local_head else -1, cells[7], number))
            if position + 1 < len(sentence_tokens) and _space_after(cells):
                pieces.append(" ")
                offset += 1
        sentences.append((number, start, offset))
        sentence_tokens.clear()

    for line in conllu.splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            flush_sentence()
            if pieces:
                pieces.append("\n\n")
                offset += 2
        elif line.startswith("# newpar_block = "):
            blocks = line.split("=", 1)[1].split(" | ")
            inner = _BLOCK_SIZE.match(blocks[-1].strip())
            if len(blocks) > 1 and inner and inner.group(1) in _OWN_LINE_BLOCKS:
                caption_left = int(inner.group(2))
        elif line.startswith("# sent_id = "):
            flush_sentence()
            if pieces and pieces[-1] != "\n\n":
                separator = "\n\n" if break_due else " "
                pieces.append(separator)
                offset += len(separator)
            break_due = False
            if caption_left:
                caption_left -= 1
                break_due = caption_left == 0
            number = int(line.rsplit("-", 1)[1])
            range_end = -1
        elif line.startswith("# meta::genre = "):
            genre = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            cells = line.split("\t")
            if "-" in cells[0]:
                range_end = int(cells[0].split("-")[1])
                range_space = "SpaceAfter=No" not in cells[9]
                continue
            if "." in cells[0]:
                continue  # empty nodes
            index = int(cells[0])
            if index < range_end:  # inside a multi-word token ("Trump's")
                cells[9] = _with_space(cells[9], False)
            elif index == range_end:
                cells[9] = _with_space(cells[9], range_space)
            sentence_tokens.append((int(cells[6]), cells))
            _entity_brackets(cells[9], len(tokens) + len(sentence_tokens) - 1, open_stack,
                             raw_mentions)
    flush_sentence()
    text = "".join(pieces)
    mentions = [_mention(tokens, text, *raw) for raw in one_chain_per_link(raw_mentions)]
    mentions.sort(key=lambda m: (m.start, -m.end))
    title = text[sentences[0][1]:sentences[0][2]] if sentences else name
    return GumDocument(name, genre, split, title, text, tokens, sentences, mentions)


def one_chain_per_link(raw_mentions: list[tuple]) -> list[tuple]:
    """Raw mentions ``(chain, type, first, last, link)`` with the chains that carry the same
    Wikipedia link made one, under the id of the chain that comes first.

    GUM sometimes keeps one real-world entity in two chains (in GUM_voyage_merida "the old
    town" and the later "Mérida" are a chain bridged from the first "Mérida"s, both linked to
    Mérida, Yucatán; GUM_news_defector's two Church of Scientology chains): the link says
    they are one entity, as kg's one node per real entity does.

    >>> one_chain_per_link([("1", "place", 0, 0, "Mérida"), ("52", "place", 9, 9, "Mérida"),
    ...                     ("52", "place", 12, 13, None), ("7", "person", 4, 4, None)])
    [('1', 'place', 0, 0, 'Mérida'), ('1', 'place', 9, 9, 'Mérida'), ('1', 'place', 12, 13, None), \
('7', 'person', 4, 4, None)]
    """
    chain_link = {raw[0]: raw[4] for raw in reversed(raw_mentions) if raw[4]}
    first_chain: dict[str, str] = {}
    for raw in sorted(raw_mentions, key=lambda raw: raw[2]):
        if raw[0] in chain_link:
            first_chain.setdefault(chain_link[raw[0]], raw[0])
    return [(first_chain[chain_link[raw[0]]] if raw[0] in chain_link else raw[0], *raw[1:])
            for raw in raw_mentions]


def _space_after(cells: list[str]) -> bool:
    return "SpaceAfter=No" not in cells[9].split("|")


def _with_space(misc: str, space: bool) -> str:
    fields = [f for f in misc.split("|") if f not in ("_", "SpaceAfter=No")]
    if not space:
        fields.append("SpaceAfter=No")
    return "|".join(fields) or "_"


def _entity_brackets(misc: str, token: int, open_stack: list, out: list) -> None:
    """Open and close mentions from one token's ``Entity=`` field."""
    value = next((f[len("Entity="):] for f in misc.split("|") if f.startswith("Entity=")), None)
    if value is None:
        return
    for opened, closed in _BRACKET.findall(value):
        if opened:
            fields = opened.split("-", 7)
            link = fields[7] if len(fields) > 7 and fields[7] else None
            open_stack.append((fields[0], fields[1] if len(fields) > 1 else "", token, link))
        else:
            chain = closed
            for position in range(len(open_stack) - 1, -1, -1):
                if not chain or open_stack[position][0] == chain:
                    chain_id, etype, first, link = open_stack.pop(position)
                    out.append((chain_id, etype, first, token, link))
                    break


def _mention(tokens: list[GumToken], text: str, chain: str, etype: str, first: int, last: int,
             link: str | None) -> GumMention:
    inside = range(first, last + 1)
    head = next((i for i in inside if tokens[i].head not in inside), first)
    if tokens[head].xpos in NAMED_TAGS:
        kind = "named"
    elif first == last and tokens[head].xpos in PRONOUN_TAGS:
        kind = "pronoun"
    else:
        kind = "description"
    start, end = tokens[first].start, tokens[last].end
    return GumMention(chain, etype, start, end, text[start:end], first, last, head, kind, link,
                      tokens[head].sentence)


#: Words that stay inside a name between its proper nouns ("Museum of Art", "AT&T").
NAME_JOINERS = {"of", "and", "&", "de", "for", "on", "-"}
#: Titles before a name, which OntoNotes leaves out of the PERSON span ("President Donald Trump").
TITLES = {"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "prof.", "professor", "president",
          "prime", "minister", "senator", "sen.", "rep.", "governor", "gov.", "mayor", "sir",
          "dame", "lord", "lady", "king", "queen", "pope", "general", "gen.", "captain", "judge",
          "justice", "chancellor", "premier", "chairman", "secretary", "ambassador", "rev.",
          "reverend", "father", "sister", "brother", "saint", "st.", "prince", "princess",
          "emperor", "empress", "duke", "count", "baron", "bishop", "archbishop", "cardinal"}


def gum_name_span(doc: GumDocument, mention: GumMention) -> tuple[int, int] | None:
    """The characters of a named mention that OntoNotes would label: its run of proper nouns.

    From the head, the run spreads over proper nouns and the words that join them inside a
    name; titles before it and anything else in the mention (a determiner, "'s", a modifier)
    are left out. None when nothing is left ("Mr. President").

    >>> doc = parse_conllu(SAMPLE, name="GUM_news_sample")
    >>> [doc.text[slice(*gum_name_span(doc, m))] for m in doc.mentions if m.kind == "named"]
    ['Musk', 'Putin', 'Elon Musk', 'Putin']
    """
    tokens = doc.tokens

    def proper(i: int) -> bool:
        return mention.first <= i <= mention.last and tokens[i].xpos in ("NNP", "NNPS")

    def joined(i: int, step: int) -> int:  # how far the name goes on from token i
        if proper(i + step):
            return step
        if mention.first <= i + step <= mention.last and \
                tokens[i + step].text.lower() in NAME_JOINERS and proper(i + 2 * step):
            return 2 * step
        return 0

    first = last = mention.head
    while step := joined(first, -1):
        first += step
    while step := joined(last, 1):
        last += step
    titles = [i for i in range(first, last + 1) if tokens[i].text.lower() in TITLES]
    if titles:
        first = titles[-1] + 1
    if first > last or not proper(first):
        return None
    return tokens[first].start, tokens[last].end


SAMPLE = """# newdoc id = GUM_news_sample
# meta::genre = news
# newpar
# sent_id = GUM_news_sample-1
# text = Musk meets Putin
1\tMusk\tMusk\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Elon_Musk)
2\tmeets\tmeet\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tPutin\tPutin\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=(2-person-new-sssss-cf2-1-coref-Vladimir_Putin)

# newpar
# sent_id = GUM_news_sample-2
# text = Elon Musk said he met Putin.
1\tElon\tElon\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-2-coref-Elon_Musk
2\tMusk\tMusk\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
4\the\the\tPRON\tPRP\t_\t5\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-coref-Elon_Musk)
5\tmet\tmeet\tVERB\tVBD\t_\t3\tccomp\t_\t_
6\tPutin\tPutin\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=(2-person-giv-sssss-cf2-1-coref-Vladimir_Putin)|SpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"""
