"""The vocabulary of node kinds, in one place.

Every kind a node can have, and the sets the stages reason with: front matter
that no extractor reads, containers (headings that group clauses), clauses (the
unit a task table or a diff card lists), and the kinds under a clause.
"""
from __future__ import annotations

from typing import Literal, get_args

NodeKind = Literal[
    "document", "breadcrumb", "letter", "title", "preamble", "toc", "header", "part", "action", "measure",
    "item", "book", "chapter", "section", "article", "paragraph", "closing", "attachment", "subdocument",
]
NODE_KINDS: tuple[str, ...] = get_args(NodeKind)

# Front matter and navigation: structure, but never a place for notes, money or targets.
SKIP_KINDS = frozenset({"breadcrumb", "letter", "title", "toc", "header"})
# Headings that group clauses: compared by their heading, listed as groups in tables.
CONTAINER_KINDS = frozenset({"book", "part", "action", "chapter", "section"})
# The numbered unit a task table lists and a diff pairs: a measure of a policy, an article of a law.
CLAUSE_KINDS = frozenset({"article", "measure"})
# What sits inside a clause.
SUB_CLAUSE_KINDS = frozenset({"paragraph", "item"})
# Counted in summaries and health reports, in this order.
COUNTED_KINDS = ("part", "action", "measure", "chapter", "article", "item")
