"""Evaluation helpers: benchmark readers (Re-DocRED), CaRB scoring, gold-table scoring."""
