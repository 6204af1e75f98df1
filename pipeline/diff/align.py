"""Pair the units of two versions: clauses first, then their containers and items.

For one level, in order of trust: identical text (hash of the comparison key);
the same place, i.e. the unpaired stretch between two paired anchors, with
similar text (repeated, since new pairs split stretches into single slots);
matching short lead-in headings (药品品种引进支持。 / 鼓励药品品种开发和引进。);
content similarity over the rest, with candidates pruned through a
character-bigram index; split (one old clause whose text reappears in
two or more new ones) and merged (the reverse); finally, for clauses a full revision
reworded beyond all of that, topic: rarity-weighted content words (jieba), read
with the position between anchors and the heading a clause sits under. Containers
are then paired by where their clauses went and by heading; items are paired inside
each pair of clauses.

Scores weight each character bigram by its rarity in the two documents (IDF),
because legal and policy texts share boilerplate (处五日以上十日以下拘留, 给予…
科技经费支持) that makes unrelated clauses look alike to a plain edit ratio.
No step scores all pairs of a document, so the cost stays near linear.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex
from rapidfuzz.fuzz import ratio

from .units import CLAUSE_KINDS, Unit, compare_key
from .words import cut

# Thresholds on `_Scorer.measure`: score (mean of edit ratio and weighted bigram Dice) and
# contained (weighted share of the shorter key's bigrams found in the longer). Calibrated on the
# corpus pairs: unrelated articles of one law score below 0.25 in 95% of pairs.
GAP_SCORE, GAP_CONTAINED = 0.35, 0.3          # same place: both
SLOT_SCORE, SLOT_CONTAINED = 0.25, 0.5        # the only unit left on both sides of a stretch: either
HEADING_SCORE, HEADING_BODY = 0.4, 0.15       # lead-in headings alike, and bodies not unrelated
CONTENT_SCORE, CONTENT_CONTAINED = 0.28, 0.3  # anywhere else: both, best pairs first
FRAGMENT_CONTAINED = 0.55                     # a split part or merged source inside its whole
SPLIT_GAIN = 0.15                             # coverage a second part must add to its whole
MAX_GAP_PAIRS = 2500                          # larger stretches go to the indexed content step
CANDIDATES = 8                                # candidates scored per unit in the content step
MIN_FRAGMENT = 8                              # shorter keys never count as fragments
PIECE_CONTAINED, PIECE_HELD, MIN_PIECE = 0.45, 0.5, 12  # a paragraph followed to a free clause
# Thresholds on the topic cosine (`_topic_vectors`), for the clauses no text step placed.
JOIN_TOPIC, JOIN_GAIN = 0.3, 0.1              # joins a pair: closest topic, and explains this share of it
TOPIC_NEAR, TOPIC_FAR = 0.16, 0.2             # mutual closest topics: at about the same place, elsewhere
RARE_WORD = 5, 0.02                           # a word in at most max(5, 2% of the clauses) is specific
TOPIC_MARGIN = 1.25                           # elsewhere, also this many times one side's runner-up
TOPIC_TWINS = 0.1                             # mutual closest topics sharing two or more twin words
MAX_TOPIC_PAIRS = 250_000                     # more leftover pairs than this: not versions of one text
NEAR_SHIFT = 0.5                              # "same place": same stretch, relative positions this close
_WORD = regex.compile(r"[\p{Han}]{2,}|[A-Za-z]{2,}")


@dataclass(frozen=True)
class Link:
    """Old units paired with new units (indexes into each document's unit list).

    One side empty: added or deleted. Several on one side: split or merged.
    `how` names the step that made the pair (None for an unpaired unit).
    """

    old: tuple[int, ...]
    new: tuple[int, ...]
    how: str | None


def similarity(a: str, b: str) -> float:
    """Normalized Indel similarity of two keys, 0..1 (1 for identical)."""
    if a == b:
        return 1.0
    return ratio(a, b) / 100.0


def align(old: Sequence[Unit], new: Sequence[Unit]) -> list[Link]:
    """All links between two documents' units, every unit in exactly one link."""
    clause_links = _align_level(_level(old, "clause"), _level(new, "clause"), split=True,
                                contexts=(_contexts(old), _contexts(new)))
    container_links = _align_containers(old, new, clause_links)
    item_links = _align_items(old, new, clause_links)
    return container_links + clause_links + item_links


def _level(units: Sequence[Unit], level: str) -> list[Unit]:
    return [u for u in units if u.level == level]


class _Scorer:
    """Bigram statistics of one level of both documents, with per-key and per-pair caches."""

    def __init__(self, keys: list[str]):
        self._grams: dict[str, set[str]] = {}
        df: Counter = Counter()
        for key in keys:
            df.update(self.grams(key))
        n = len(keys) + 1
        self.weight = {g: math.log(n / (c + 0.5)) for g, c in df.items()}
        self._mass = {key: self.mass(self.grams(key)) for key in keys}
        self._pairs: dict[tuple[str, str], tuple[float, float]] = {}

    def grams(self, key: str) -> set[str]:
        found = self._grams.get(key)
        if found is None:
            found = self._grams[key] = grams(key)
        return found

    def mass(self, gs: set[str]) -> float:
        weight = self.weight
        return sum(weight.get(g, 1.0) for g in gs)

    def measure(self, a: str, b: str) -> tuple[float, float]:
        """(score, overlap): the mean of the edit ratio and the rarity-weighted
        bigram Dice, and the weighted containment of the shorter key in the longer."""
        cached = self._pairs.get((a, b))
        if cached is None:
            common = self.mass(self.grams(a) & self.grams(b))
            ma, mb = self._mass[a], self._mass[b]
            dice = 2 * common / (ma + mb) if ma + mb else 1.0
            shorter = min((len(a), ma), (len(b), mb))[1]
            cached = self._pairs[(a, b)] = ((similarity(a, b) + dice) / 2, common / shorter if shorter else 0.0)
        return cached

    def contained(self, part: str, whole: str) -> float:
        """Rarity-weighted share of `part`'s bigrams found in `whole`."""
        m = self._mass[part]
        return self.mass(self.grams(part) & self.grams(whole)) / m if m else 0.0


def _align_level(old: list[Unit], new: list[Unit], split: bool = False, hint: dict[int, int] | None = None,
                 contexts: tuple[dict[int, str], dict[int, str]] | None = None) -> list[Link]:
    pairs: dict[int, int] = {}
    how: dict[int, str] = {}
    scorer = _Scorer([u.key for u in old] + [u.key for u in new])
    _exact(old, new, pairs, how)
    for i, j in (hint or {}).items():
        if i not in pairs and j not in pairs.values():
            pairs[i], how[i] = j, "structure"
    while _gaps(old, new, pairs, how, scorer):
        pass
    if _headings(old, new, pairs, how, scorer):
        while _gaps(old, new, pairs, how, scorer):
            pass
    _content(old, new, pairs, how, scorer)
    groups = _split_merge(old, new, pairs, how, scorer) if split else []
    if contexts is not None:
        _topics(old, new, pairs, how, groups, scorer, contexts)
    if split:
        _pieces(old, new, pairs, how, groups, scorer)
    return _links(old, new, pairs, how, groups)


def _exact(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str]) -> None:
    buckets: dict[str, list[int]] = defaultdict(list)
    for j, u in enumerate(new):
        if u.key:
            buckets[u.key].append(j)
    for i, u in enumerate(old):
        cands = buckets.get(u.key)
        if not cands:
            continue
        j = next((c for c in cands if new[c].node.id == u.node.id), cands[0])
        cands.remove(j)
        pairs[i], how[i] = j, "exact"


def _anchors(pairs: dict[int, int], old: list[Unit]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing on both sides.

    Among chains of equal length, the one whose units moved least (sum of
    |i - j|), then the one with the smallest keys: the same chain whichever
    version is called old, so swapping the versions mirrors the diff.
    """
    items = sorted(pairs.items())
    if not items:
        return []
    rank = {key: r for r, key in enumerate(sorted({old[i].key for i, _ in items}))}
    size = max(j for _, j in items) + 1
    tree: list[tuple] = [(0, 0, 0, -1)] * (size + 1)
    best: list[tuple] = []
    for k, (i, j) in enumerate(items):
        pos, prev = j, (0, 0, 0, -1)
        while pos > 0:
            prev = max(prev, tree[pos])
            pos -= pos & -pos
        here = (prev[0] + 1, prev[1] - abs(i - j), prev[2] - rank[old[i].key], k)
        best.append((here, prev[3]))
        pos = j + 1
        while pos <= size:
            tree[pos] = max(tree[pos], here)
            pos += pos & -pos
    k = max(range(len(best)), key=lambda x: best[x][0][:3])
    chain = []
    while k >= 0:
        chain.append(items[k])
        k = best[k][1]
    return chain[::-1]


def _gaps(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str], scorer: _Scorer) -> bool:
    """Pair similar units inside each stretch between anchors; True if any were paired."""
    before = len(pairs)
    taken = set(pairs.values())
    bounds = [(-1, -1)] + _anchors(pairs, old) + [(len(old), len(new))]
    for (ai, aj), (bi, bj) in pairwise(bounds):
        og = [i for i in range(ai + 1, bi) if i not in pairs]
        ng = [j for j in range(aj + 1, bj) if j not in taken]
        if not og or not ng or len(og) * len(ng) > MAX_GAP_PAIRS:
            continue
        slot = len(og) == len(ng) == 1
        scored = []
        for i in og:
            for j in ng:
                s, c = scorer.measure(old[i].key, new[j].key)
                if (s >= GAP_SCORE and c >= GAP_CONTAINED) or (slot and (s >= SLOT_SCORE or c >= SLOT_CONTAINED)):
                    bonus = 0.05 if old[i].node.id == new[j].node.id else 0.0
                    scored.append((s + bonus, -abs((i - ai) - (j - aj)), i, j))
        _greedy(scored, pairs, how, taken, "position")
    return len(pairs) > before


def _headings(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str],
              scorer: _Scorer) -> bool:
    """Pair free units whose short lead-in headings match (鼓励药品品种开发和引进 for
    药品品种引进支持), where the bodies are not unrelated; True if any were paired."""
    taken = set(pairs.values())
    free_old = [i for i in range(len(old)) if i not in pairs and old[i].heading]
    free_new = [j for j in range(len(new)) if j not in taken and new[j].heading]
    if not free_old or not free_new:
        return False
    heads = _Scorer([old[i].heading for i in free_old] + [new[j].heading for j in free_new])
    scored = []
    for i in free_old:
        for j in free_new:
            h, _ = heads.measure(old[i].heading, new[j].heading)
            if h >= HEADING_SCORE and scorer.measure(old[i].key, new[j].key)[0] >= HEADING_BODY:
                scored.append((h, 0, i, j))
    _greedy(scored, pairs, how, taken, "heading")
    return bool(scored)


def _content(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str], scorer: _Scorer) -> None:
    """Score the indexed candidates of each free unit, looked up from both sides."""
    taken = set(pairs.values())
    free_new = [j for j in range(len(new)) if j not in taken]
    free_old = [i for i in range(len(old)) if i not in pairs]
    if not free_new or not free_old:
        return
    candidates = set()
    index = _GramIndex([new[j].key for j in free_new])
    for i in free_old:
        candidates.update((i, free_new[k]) for k in index.candidates(old[i].key, CANDIDATES))
    index = _GramIndex([old[i].key for i in free_old])
    for j in free_new:
        candidates.update((free_old[k], j) for k in index.candidates(new[j].key, CANDIDATES))
    scored = []
    for i, j in candidates:
        s, c = scorer.measure(old[i].key, new[j].key)
        if s >= CONTENT_SCORE and c >= CONTENT_CONTAINED:
            scored.append((s, 0, i, j))
    _greedy(scored, pairs, how, taken, "content")


def _topics(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str],
            groups: list[tuple[tuple[int, ...], tuple[int, ...], str]], scorer: _Scorer,
            contexts: tuple[dict[int, str], dict[int, str]]) -> None:
    """Place the clauses left over by topic: the content words two clauses share, weighted
    by rarity (a full revision rewords everything but keeps 自然科学基金, 创业投资, 孵化).

    A leftover clause whose closest topic is a paired clause, and whose text explains
    part of it that its partner does not, joins the pair as a merge (or split). Leftovers
    on both sides then pair when each is the other's closest topic and they share a
    specific word: with a low bar if they share two twin words, a middle one if they sit
    at about the same place between two anchors or under the same heading, else a high
    one that must also stand clear of one side's runner-up.
    """
    used_old = set(pairs) | {i for o, _, _ in groups for i in o}
    used_new = set(pairs.values()) | {j for _, n, _ in groups for j in n}
    free_old = [i for i in range(len(old)) if i not in used_old]
    free_new = [j for j in range(len(new)) if j not in used_new]
    if not free_old or not free_new:
        return
    vectors, specific, twins = _topic_vectors([u.key for u in old] + [u.key for u in new], len(old))
    ov, nv = vectors[:len(old)], vectors[len(old):]
    specific_old, specific_new = specific[:len(old)], specific[len(old):]
    twins_old, twins_new = twins[:len(old)], twins[len(old):]
    joins = (_join_candidates(old, new, ov, nv, free_old, False)
             + _join_candidates(new, old, nv, ov, free_new, True))
    _join(old, new, joins, pairs, groups, scorer)
    for i in [i for i in pairs if any(i in o for o, _, _ in groups)]:
        del pairs[i]
    used_old = set(pairs) | {i for o, _, _ in groups for i in o}
    used_new = set(pairs.values()) | {j for _, n, _ in groups for j in n}
    free_old = [i for i in free_old if i not in used_old]
    free_new = [j for j in free_new if j not in used_new]
    context_old = [contexts[0][u.index] for u in old]
    context_new = [contexts[1][u.index] for u in new]
    cosines: dict[tuple[int, int], float] = {}
    while free_old and free_new and len(free_old) * len(free_new) <= MAX_TOPIC_PAIRS:
        bounds = [(-1, -1)] + _anchors(pairs, old) + [(len(old), len(new))]
        top_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
        top_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for i in free_old:
            for j in free_new:
                c = cosines.get((i, j))
                if c is None:
                    c = cosines[(i, j)] = _cosine(ov[i], nv[j]) if specific_old[i] & specific_new[j] else 0.0
                if c:
                    _keep_top(top_old[i], (c, -j))
                    _keep_top(top_new[j], (c, -i))
        mutual = []
        for i, top in top_old.items():
            c, j = top[0][0], -top[0][1]
            if -top_new[j][0][1] != i:
                continue
            k = next(k for k, (bi, _) in enumerate(bounds) if bi > i)
            (ai, aj), (bi, bj) = bounds[k - 1], bounds[k]
            near = aj < j < bj and abs((i - ai) / (bi - ai) - (j - aj) / (bj - aj)) <= NEAR_SHIFT
            near = near or (context_old[i] != "" and context_old[i] == context_new[j])
            if len(twins_old[i] & twins_new[j]) >= 2:
                ok = c >= TOPIC_TWINS
            elif near:
                ok = c >= TOPIC_NEAR
            else:
                runner_up = min(top[1][0] if len(top) > 1 else 0.0, top_new[j][1][0] if len(top_new[j]) > 1 else 0.0)
                ok = c >= TOPIC_FAR and c >= TOPIC_MARGIN * runner_up
            if ok:
                mutual.append((i, j))
        if not mutual:
            break
        for i, j in mutual:
            pairs[i], how[i] = j, "topic"
        free_old = [i for i in free_old if i not in pairs]
        taken = set(pairs.values())
        free_new = [j for j in free_new if j not in taken]


def _keep_top(top: list[tuple[float, int]], entry: tuple[float, int]) -> None:
    """Keep the two highest entries in `top` (in place, highest first)."""
    if len(top) < 2 or entry > top[1]:
        top.append(entry)
        top.sort(reverse=True)
        del top[2:]


def _join_candidates(side: list[Unit], other: list[Unit], sv: list, ov: list, free: list[int],
                     flip: bool) -> list[tuple[float, int, int, bool]]:
    """(cosine, free unit, its closest topic on the other side, flip) for each free unit
    of `side` (flip: `side` is the new version) whose closest topic is close enough."""
    found = []
    index = _GramIndex([u.key for u in other])
    for f in free:
        near = index.candidates(side[f].key, CANDIDATES)
        if near:
            c, w = max((_cosine(sv[f], ov[w]), -w) for w in near)
            if c >= JOIN_TOPIC:
                found.append((c, f, -w, flip))
    return found


def _join(old: list[Unit], new: list[Unit], joins: list[tuple[float, int, int, bool]], pairs: dict[int, int],
          groups: list[tuple[tuple[int, ...], tuple[int, ...], str]], scorer: _Scorer) -> None:
    """Join free units to the pair or group of their closest topic, closest first, when
    they explain enough of it; a pair that gains a member becomes a group (in place, and
    left in `pairs` for the caller to drop)."""
    back = {j: i for i, j in pairs.items()}
    for _, f, w, flip in sorted(joins, key=lambda t: (-t[0], t[3], t[1], t[2])):
        side, other, label = (new, old, "split") if flip else (old, new, "merge")
        g = next((k for k, grp in enumerate(groups) if w in grp[0 if flip else 1]), None)
        if g is not None:
            mine, theirs = (groups[g][1], groups[g][0]) if flip else groups[g][:2]
            if len(theirs) != 1 or groups[g][2] != label:
                continue
        elif w in (pairs if flip else back):
            mine = ((pairs if flip else back)[w],)
        else:
            continue
        if _gain(other[w].key, [side[k].key for k in mine], side[f].key, scorer) < JOIN_GAIN:
            continue
        members = tuple(sorted(mine + (f,)))
        group = ((w,), members, label) if flip else (members, (w,), label)
        if g is None:
            groups.append(group)
        else:
            groups[g] = group


def _contexts(units: Sequence[Unit]) -> dict[int, str]:
    """The heading each unit sits under: its own title if it is a titled part standing
    alone as a clause, else its container's heading; empty at the top."""
    found = {}
    for u in units:
        if u.level == "clause" and u.node.kind not in CLAUSE_KINDS and u.node.title:
            found[u.index] = compare_key(u.node.title)
        else:
            parent = units[u.parent] if u.parent is not None else None
            found[u.index] = compare_key(parent.node.title or parent.key) if parent and parent.level == "container" else ""
    return found


def _gain(whole: str, parts: list[str], extra: str, scorer: _Scorer) -> float:
    """Weighted share of `whole`'s bigrams that `extra` explains beyond `parts`."""
    gw = scorer.grams(whole)
    total = scorer.mass(gw)
    if not total:
        return 0.0
    base = set().union(*(scorer.grams(p) for p in parts)) & gw
    return (scorer.mass(base | (scorer.grams(extra) & gw)) - scorer.mass(base)) / total


def _topic_vectors(keys: list[str], n_old: int) -> tuple[list[dict[str, float]], list[frozenset[str]],
                                                      list[frozenset[str]]]:
    """Unit-length TF-IDF vectors over the content words of each key (the first `n_old`
    are the old version's): words common to many clauses of the two versions (应当,
    人民政府, 拘留) weigh little. Also each key's specific words (`RARE_WORD`; two
    clauses that share none share only boilerplate), and its twin words: those found in
    exactly one clause of each version (勤勉, 尽责), the strongest sign of a pair."""
    bags = [_words(key) for key in keys]
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    in_old: Counter = Counter()
    for bag in bags[:n_old]:
        in_old.update(bag.keys())
    n = len(bags) + 1
    rare = max(RARE_WORD[0], RARE_WORD[1] * len(bags))
    vectors = []
    for bag in bags:
        v = {w: (1 + math.log(c)) * math.log(n / (df[w] + 0.5)) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    specific = [frozenset(w for w in bag if df[w] <= rare) for bag in bags]
    twins = [frozenset(w for w in bag if df[w] == 2 and in_old[w] == 1) for bag in bags]
    return vectors, specific, twins


@lru_cache(maxsize=1 << 16)
def _words(key: str) -> Counter:
    """Counts of the words of two or more characters in a key (jieba, dictionary only:
    the HMM guesses add noise to legal text and cost time). Cached by key alone, which is
    right because the diff's tokenizer has a dictionary of its own: a version in a chain
    is compared twice."""
    return Counter(w for w in cut(key) if _WORD.fullmatch(w))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _greedy(scored: list, pairs: dict[int, int], how: dict[int, str], taken: set[int], label: str) -> None:
    for _, _, i, j in sorted(scored, key=lambda t: (-t[0], -t[1], t[2], t[3])):
        if i not in pairs and j not in taken:
            pairs[i], how[i] = j, label
            taken.add(j)


def _split_merge(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str],
                 scorer: _Scorer) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    """Find split and merged clauses among the units left unpaired.

    Returns groups (old indexes, new indexes, how) and removes their members
    from `pairs`; a lone fragment clearly inside an unpaired whole is paired with it.
    """
    back = {j: i for i, j in pairs.items()}
    split = _fragments(new, old, [j for j in range(len(new)) if j not in back], scorer)
    merge = _fragments(old, new, [i for i in range(len(old)) if i not in pairs], scorer)
    groups = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for whole, parts in sorted(split.items()):
        partner = pairs.get(whole)
        verdict = _group(old[whole].key, [new[j].key for j in parts],
                         None if partner is None else new[partner].key, scorer)
        if verdict == "pair":
            pairs[whole], how[whole] = parts[0], "content"
            back[parts[0]] = whole
        elif verdict == "group":
            news = tuple(sorted(parts + ([] if partner is None else [partner])))
            groups.append(((whole,), news, "split"))
            used_old.add(whole)
            used_new.update(news)
    for whole, parts in sorted(merge.items()):
        parts = [i for i in parts if i not in used_old and i not in pairs]
        partner = back.get(whole)
        if not parts or whole in used_new or (partner is not None and partner in used_old):
            continue
        verdict = _group(new[whole].key, [old[i].key for i in parts],
                         None if partner is None else old[partner].key, scorer)
        if verdict == "pair":
            pairs[parts[0]], how[parts[0]] = whole, "content"
        elif verdict == "group":
            olds = tuple(sorted(parts + ([] if partner is None else [partner])))
            groups.append((olds, (whole,), "merge"))
            used_old.update(olds)
            used_new.add(whole)
    for i in used_old:
        pairs.pop(i, None)
    for i in [i for i, j in pairs.items() if j in used_new]:
        del pairs[i]
    return groups


def _pieces(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str],
            groups: list[tuple[tuple[int, ...], tuple[int, ...], str]], scorer: _Scorer) -> None:
    """Follow the paragraphs of a paired clause that its partners do not hold: a free
    clause of the other version that holds most of such a paragraph, and shares a specific
    word with it (not just 处五日以上十日以下拘留), joins the pair as a split (or merge),
    e.g. an article whose second paragraph became an article of its own.

    Surest joins first, from either side (so swapping the versions mirrors the result);
    a pair or group grows on one side only. In place: a grown pair leaves `pairs` and
    becomes a group.
    """
    entries = [((i,), (j,), how[i]) for i, j in sorted(pairs.items())] + groups
    used = ({i for o, _, _ in entries for i in o}, {j for _, n, _ in entries for j in n})
    scored = []
    for flip in (False, True):
        side, other, taken = (new, old, used[0]) if flip else (old, new, used[1])
        free = [k for k in range(len(other)) if k not in taken]
        if not free:
            continue
        index = _GramIndex([other[k].key for k in free])
        for e, entry in enumerate(entries):
            wholes, partners = (entry[1], entry[0]) if flip else (entry[0], entry[1])
            if len(wholes) != 1 or entry[2] == "exact":
                continue
            held = set().union(*(scorer.grams(other[p].key) for p in partners))
            for piece in _paragraph_keys(side[wholes[0]]):
                gp = scorer.grams(piece)
                mass = scorer.mass(gp)
                if not mass or scorer.mass(gp & held) / mass >= PIECE_HELD:
                    continue
                c, k = max(((scorer.mass(gp & scorer.grams(other[free[k]].key)) / mass, -free[k])
                            for k in index.candidates(piece, CANDIDATES)), default=(0.0, 0))
                if c >= PIECE_CONTAINED:
                    scored.append((c, flip, e, -k, piece))
    if not scored:
        return
    specific = _specific_words([u.key for u in old] + [u.key for u in new])
    grown: dict[int, tuple[bool, list[int]]] = {}
    for _, flip, e, k, piece in sorted(scored, key=lambda t: (-t[0], t[1], t[2], t[3])):
        other, taken = (old, used[0]) if flip else (new, used[1])
        if k not in taken and grown.get(e, (flip,))[0] == flip and specific(piece) & _words(other[k].key).keys():
            taken.add(k)
            grown.setdefault(e, (flip, []))[1].append(k)
    for e, (flip, joined) in sorted(grown.items()):
        olds, news, _ = entries[e]
        if flip:
            group = (tuple(sorted(olds + tuple(joined))), news, "merge")
        else:
            group = (olds, tuple(sorted(news + tuple(joined))), "split")
        if e < len(pairs):
            groups.append(group)
        else:
            groups[e - len(pairs)] = group
    for e in sorted(grown):
        if e < len(pairs):
            del pairs[entries[e][0][0]]


def _specific_words(keys: list[str]):
    """A function giving the words of a text that are specific among `keys` (`RARE_WORD`)."""
    df: Counter = Counter()
    for key in keys:
        df.update(_words(key).keys())
    rare = max(RARE_WORD[0], RARE_WORD[1] * len(keys))
    return lambda text: {w for w in _words(text) if df[w] <= rare}


def _paragraph_keys(unit: Unit) -> list[str]:
    """Comparison keys of the lines of a unit's display text (its paragraphs and items),
    if it has two or more long enough to follow."""
    keys = [k for k in (compare_key(line) for line in unit.text.splitlines()) if len(k) >= MIN_PIECE]
    return keys if len(keys) > 1 else []


def _fragments(frag_side: list[Unit], whole_side: list[Unit], free: list[int],
               scorer: _Scorer) -> dict[int, list[int]]:
    """Map each whole unit to the free units of the other side contained in it."""
    found: dict[int, list[int]] = defaultdict(list)
    if not free:
        return found
    index = _GramIndex([u.key for u in whole_side])
    for f in free:
        key = frag_side[f].key
        if len(key) < MIN_FRAGMENT:
            continue
        best, best_c = None, 0.0
        for w in index.candidates(key, CANDIDATES):
            if len(whole_side[w].key) <= len(key):
                continue
            c = scorer.contained(key, whole_side[w].key)
            if c > best_c:
                best, best_c = w, c
        if best is not None and best_c >= FRAGMENT_CONTAINED:
            found[best].append(f)
    return found


def _group(whole: str, parts: list[str], partner: str | None, scorer: _Scorer) -> str:
    """`group` if the parts (with the whole's current partner) rebuild it; `pair` for a lone part."""
    gw = scorer.grams(whole)
    total = scorer.mass(gw)
    if not total:
        return "none"
    covered = set().union(*(scorer.grams(p) for p in parts)) & gw
    if partner is None:
        if len(parts) == 1:
            return "pair"
        return "group" if scorer.mass(covered) / total >= 0.6 else "none"
    base = scorer.grams(partner) & gw
    gain = (scorer.mass(covered | base) - scorer.mass(base)) / total
    return "group" if gain >= SPLIT_GAIN else "none"


def _links(old: list[Unit], new: list[Unit], pairs: dict[int, int], how: dict[int, str],
           groups: list[tuple[tuple[int, ...], tuple[int, ...], str]]) -> list[Link]:
    links = [Link((old[i].index,), (new[j].index,), how[i]) for i, j in sorted(pairs.items())]
    links += [Link(tuple(old[i].index for i in o), tuple(new[j].index for j in n), h) for o, n, h in groups]
    in_old = {i for link in links for i in link.old}
    in_new = {j for link in links for j in link.new}
    links += [Link((u.index,), (), None) for u in old if u.index not in in_old]
    links += [Link((), (u.index,), None) for u in new if u.index not in in_new]
    return links


def _align_containers(old: Sequence[Unit], new: Sequence[Unit], clause_links: list[Link]) -> list[Link]:
    """Pair containers where most of their clauses went (a majority seen from both
    sides, so swapping the versions mirrors the result), then by heading."""
    oc, nc = _level(old, "container"), _level(new, "container")
    if not oc or not nc:
        return _links(oc, nc, {}, {}, [])
    opos = {u.index: k for k, u in enumerate(oc)}
    npos = {u.index: k for k, u in enumerate(nc)}
    votes: dict[int, Counter] = defaultdict(Counter)
    for link in clause_links:
        for i in link.old:
            for j in link.new:
                for a in _ancestors(old, i):
                    for b in _ancestors(new, j):
                        if old[a].node.kind == new[b].node.kind:
                            votes[opos[a]][npos[b]] += 1
    into: Counter = Counter()
    for counter in votes.values():
        into.update(counter)
    hint = {}
    for a, counter in sorted(votes.items()):
        b, n = max(counter.items(), key=lambda t: (t[1], -t[0]))
        if 2 * n > sum(counter.values()) and 2 * n > into[b]:
            hint[a] = b
    return _align_level(oc, nc, hint=hint)


def _ancestors(units: Sequence[Unit], index: int) -> list[int]:
    found = []
    parent = units[index].parent
    while parent is not None:
        found.append(parent)
        parent = units[parent].parent
    return found


def _align_items(old: Sequence[Unit], new: Sequence[Unit], clause_links: list[Link]) -> list[Link]:
    """Pair items inside each pair (or split/merge group) of clauses, with split and merged
    items (主动消除或者减轻违法后果，并取得被侵害人谅解 -> two items)."""
    old_items: dict[int, list[Unit]] = defaultdict(list)
    new_items: dict[int, list[Unit]] = defaultdict(list)
    for u in _level(old, "item"):
        old_items[u.parent].append(u)
    for u in _level(new, "item"):
        new_items[u.parent].append(u)
    links: list[Link] = []
    for link in clause_links:
        ou = [u for i in link.old for u in old_items.get(i, [])]
        nu = [u for j in link.new for u in new_items.get(j, [])]
        if ou and nu:
            links += _align_level(ou, nu, split=True)
        else:
            links += [Link((u.index,), (), None) for u in ou]
            links += [Link((), (u.index,), None) for u in nu]
    return links


def grams(key: str) -> set[str]:
    """Character bigrams of a key (the key itself if shorter than two)."""
    return {key[k:k + 2] for k in range(len(key) - 1)} if len(key) > 1 else {key}


class _GramIndex:
    """Character-bigram inverted index; bigrams common to many units are ignored."""

    def __init__(self, keys: list[str]):
        postings: dict[str, list[int]] = defaultdict(list)
        for k, key in enumerate(keys):
            for g in grams(key):
                postings[g].append(k)
        limit = max(20, len(keys) // 10)
        self.postings = {g: ks for g, ks in postings.items() if len(ks) <= limit}

    def candidates(self, key: str, n: int) -> list[int]:
        """Up to `n` units sharing the most (uncommon) bigrams with `key`."""
        counts: Counter = Counter()
        for g in grams(key):
            counts.update(self.postings.get(g, ()))
        return [k for k, _ in sorted(counts.items(), key=lambda t: (-t[1], t[0]))[:n]]
