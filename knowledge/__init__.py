"""The guide's one validated knowledge module: content as data, its schema, and pure queries.

It imports neither streamlit nor altair, so it can be checked and tested on its own.
"""

from knowledge.loader import CONTENT_DIR, ContentError, Problem, load_knowledge
from knowledge.schema import Knowledge

__all__ = ["CONTENT_DIR", "ContentError", "Knowledge", "Problem", "load_knowledge"]
