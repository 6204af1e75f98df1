"""Every calibrated number of the alignment, in one place.

Scores are `Scorer.measure`'s: score (mean of edit ratio and rarity-weighted bigram Dice)
and contained (weighted share of the shorter key's bigrams found in the longer).
Calibrated on the corpus pairs: unrelated articles of one law score below 0.25 in 95% of pairs.
"""
from __future__ import annotations

GAP_SCORE, GAP_CONTAINED = 0.35, 0.3          # same place: both
SLOT_SCORE, SLOT_CONTAINED = 0.25, 0.5        # the only unit left on both sides of a stretch: either
HEADING_SCORE, HEADING_BODY = 0.4, 0.15       # lead-in headings alike, and bodies not unrelated
CONTENT_SCORE, CONTENT_CONTAINED = 0.28, 0.3  # anywhere else: both, best pairs first
FRAGMENT_CONTAINED = 0.55                     # a split part or merged source inside its whole
SPLIT_GAIN = 0.15                             # coverage a second part must add to its whole
GROUP_COVERED = 0.6                           # coverage of an unpaired whole by its parts
MAX_GAP_PAIRS = 2500                          # larger stretches go to the indexed content step
CANDIDATES = 8                                # candidates scored per unit in the indexed steps
MIN_FRAGMENT = 8                              # shorter keys never count as fragments
PIECE_CONTAINED, PIECE_HELD, MIN_PIECE = 0.45, 0.5, 12  # a paragraph followed to a free clause
SAME_ID_BONUS = 0.05                          # same place and same node id: preferred

# Thresholds on the topic cosine (`topicwords.topic_vectors`), for the clauses no text step placed.
JOIN_TOPIC, JOIN_GAIN = 0.3, 0.1              # joins a pair: closest topic, and explains this share of it
TOPIC_NEAR, TOPIC_FAR = 0.16, 0.2             # mutual closest topics: at about the same place, elsewhere
RARE_WORD = 5, 0.02                           # a word in at most max(5, 2% of the clauses) is specific
TOPIC_MARGIN = 1.25                           # elsewhere, also this many times one side's runner-up
TOPIC_TWINS = 0.1                             # mutual closest topics sharing two or more twin words
MAX_TOPIC_PAIRS = 250_000                     # more leftover pairs than this: not versions of one text
NEAR_SHIFT = 0.5                              # "same place": same stretch, relative positions this close
