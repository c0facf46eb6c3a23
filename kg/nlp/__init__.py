"""Loading spaCy pipelines for kg: the bundled ``en_kg_sm`` or one the user names."""

from kg.nlp.pipeline import BUNDLED_MODEL, ModelError, load_pipeline, resolve_model

__all__ = ["BUNDLED_MODEL", "ModelError", "load_pipeline", "resolve_model"]
