"""Choose, load and extend the spaCy pipeline kg runs.

Model selection, first match wins:

1. the ``model`` argument (``kg build --model NAME_OR_PATH``): an installed package such as
   ``en_core_web_sm`` or ``en_core_web_trf``, or a pipeline folder;
2. the ``KG_SPACY_MODEL`` environment variable;
3. the bundled pipeline ``kg/nlp/models/en_kg_sm`` (trained by ``training/train.sh``).

kg adds entity rulers around the statistical NER with the names in the bundled alias
table (:mod:`kg.gazetteer`), so key names such as "SpaceX" are found even where the model
misses them (:func:`add_entity_ruler`), and ``kg_line_sentences`` before the parser, so that a line break
always ends a sentence (:mod:`kg.nlp.components`).

Examples
--------
>>> nlp = load_pipeline()
>>> doc = nlp("SpaceX, his rocket company, controls NASA's rocket launch schedule.")
>>> [(e.text, e.label_) for e in doc.ents]
[('SpaceX', 'ORG'), ('NASA', 'ORG')]
>>> try:
...     load_pipeline("no_such_model_xyz")
... except ModelError as error:
...     print(error)
cannot load spaCy pipeline 'no_such_model_xyz' (from the model argument): it is neither an \
installed package nor a folder
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BUNDLED_MODEL", "ModelError", "resolve_model", "load_pipeline"]

BUNDLED_MODEL = Path(__file__).parent / "models" / "en_kg_sm"
ENV_VAR = "KG_SPACY_MODEL"


class ModelError(RuntimeError):
    """The chosen pipeline cannot be loaded; the message names what was tried."""


def resolve_model(model: str | Path | None = None) -> tuple[str, str]:
    """Return ``(name_or_path, where_it_came_from)`` following the selection order.

    >>> resolve_model("en_core_web_sm")
    ('en_core_web_sm', 'the model argument')
    """
    if model:
        return str(model), "the model argument"
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR], f"${ENV_VAR}"
    return str(BUNDLED_MODEL), "the bundled pipeline"


def load_pipeline(model: str | Path | None = None, *, ruler: bool = True) -> Language:
    """Load the selected pipeline, with kg's entity ruler unless ``ruler=False``.

    Raises
    ------
    ModelError
        With one line naming the pipeline tried, where the choice came from, and why
        it failed.
    """
    name, origin = resolve_model(model)
    return _load(name, origin, ruler)


@cache
def _load(name: str, origin: str, ruler: bool) -> Language:
    # spaCy is imported here, not with the module: commands that only read exports
    # (kg query, stats, show, draw) start a second faster without it
    import spacy

    from kg.nlp import components  # noqa: F401  (registers kg_line_sentences and the name filler)

    path = Path(name)
    if not path.exists() and not spacy.util.is_package(name):
        raise ModelError(
            f"cannot load spaCy pipeline {name!r} (from {origin}): "
            "it is neither an installed package nor a folder"
        )
    try:
        nlp = spacy.load(name)
    except Exception as error:  # spaCy raises many kinds; all mean the same to the user
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r} (from {origin}): {first}") from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy pipeline {name!r} (from {origin}) has no {', '.join(sorted(missing))}; "
            "kg needs a dependency parser and a named-entity recogniser"
        )
    _adjust_tokenizer(nlp)
    _cache_rule_components(nlp)
    before = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("kg_line_sentences", before=before)
    if ruler:
        add_entity_ruler(nlp, Gazetteer.bundled())
    return nlp


def _cache_rule_components(nlp: Language) -> None:
    """Put kg's cached versions in place of the rule lemmatizer and a tag-map attribute
    ruler (:mod:`kg.nlp.components`): the same attributes, about a seventh less time."""
    from spacy.pipeline import AttributeRuler

    from kg.nlp.components import CachedAttributeRuler

    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler) \
            and CachedAttributeRuler.fits(nlp.get_pipe("attribute_ruler")):
        _replace(nlp, "attribute_ruler", "kg_cached_attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        _replace(nlp, "lemmatizer", "kg_cached_lemmatizer")


def _replace(nlp: Language, name: str, factory: str) -> None:
    nlp.add_pipe(factory, name=f"kg_{name}", after=name)  # the factory wraps the original
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"kg_{name}", name)


# spaCy's emoticons that open a bracket and go on with punctuation: in edited text "(;"
# and "(:" are a bracket whose first words were cut ("Giacchino (; born 1967)"), not a smile
_BRACKET_EMOTICONS = ("(;", "(:", "(-;", "(-:")


def _adjust_tokenizer(nlp: Language) -> None:
    """Split the full stop off names like "SpaceX." (spaCy keeps it after a capital), split
    "Putin?Credit…Doug" at the question mark and ellipsis (captions glued to headlines), and
    read "(;" as a bracket and a semicolon, not an emoticon."""
    import spacy

    suffixes = [*nlp.Defaults.suffixes, r"(?<=[a-z][A-Z])\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z])[?!…](?=[A-Z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.tokenizer.rules = {text: tokens for text, tokens in nlp.tokenizer.rules.items()
                           if text not in _BRACKET_EMOTICONS}


def add_entity_ruler(nlp: Language, gazetteer: Gazetteer) -> None:
    """Add the names of ``gazetteer`` as two entity rulers around the statistical NER.

    Names of two words or more ("The Wall Street Journal", "Vladimir Putin") go *before*
    ``ner`` as an entity ruler: they are long enough to trust, and fix the model's labels.
    One-word names ("SpaceX", "Putin", "America") go *after* it
    (:class:`~kg.nlp.components.NameFiller`): they fill gaps and fix labels of the same span,
    but never cut a longer name the model found ("North America", "Nikola Tesla").
    Matching is case-sensitive, so "musk" the scent is left alone.
    """
    from kg.nlp import components  # noqa: F401  (registers kg_name_filler)

    long_names, single_words = [], []
    for entity in sorted(gazetteer.entities.values(), key=lambda e: e.id):
        for name in entity.names:
            pattern = {"label": entity.type, "pattern": name, "id": entity.id}
            (single_words if len(name.split()) == 1 else long_names).append(pattern)
    before = nlp.add_pipe("entity_ruler", name="kg_entity_ruler", before="ner",
                          config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    before.add_patterns(long_names)
    nlp.add_pipe("kg_name_filler", after="ner",
                 config={"names": {p["pattern"]: p["label"] for p in single_words}})
