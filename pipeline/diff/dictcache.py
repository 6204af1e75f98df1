"""jieba's prefix dictionary kept in a cache file that opens in milliseconds.

jieba segments a text by looking up substrings of it in its prefix dictionary (`FREQ`:
each word with its frequency, each proper prefix of a word at 0). Every lookup is a single
character of the text or a string that starts with one of the text's character bigrams. The
cache stores `FREQ` in buckets by a hash of each entry's first two characters, behind an
offset table; `LazyFreq.prepare(text)` loads the buckets of the text's characters and
bigrams into a plain dict, so jieba run on that dict cuts the text exactly as with the whole
dictionary in memory, without the 0.3-1 s that loading the whole of it costs.

The file is named by a hash of the dictionary's bytes and of this format, sits in the user
cache directory (`$XDG_CACHE_HOME` or `~/.cache`, under `policy-pipeline/`) and is written
atomically (a temporary file renamed over it). A missing, foreign or truncated file is
rebuilt; where none can be written, the same bytes are used from memory.
"""
from __future__ import annotations

import hashlib
import mmap
import os
import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable
from itertools import pairwise
from operator import add
from pathlib import Path

FORMAT = b"PPJDICT2"                   # magic and format version, first bytes of the file
BUCKETS = 1 << 18                      # buckets of entries
_HEADER = struct.Struct("<8sQQQQ")     # magic, buckets, total frequency, entries, bytes of words
_MASK = BUCKETS - 1
_U32 = next(code for code in "IL" if array(code).itemsize == 4)

# Builds (FREQ, total) from a dictionary file, as jieba's `Tokenizer.gen_pfdict` does.
Builder = Callable[[Path], tuple[dict[str, int], int]]


class LazyFreq:
    """A jieba `FREQ` dict filled bucket by bucket with what the texts to cut need.

    The cache holds, after the header: the byte offset of each bucket's words, the index
    of each bucket's first entry, every entry's frequency (unsigned 32-bit, little-endian),
    then the words (UTF-8, one bucket after another, a line feed between the words of a bucket).
    """

    def __init__(self, data: bytes | mmap.mmap):
        magic, buckets, total, entries, size = _HEADER.unpack_from(data)
        tables = [_HEADER.size, _HEADER.size + 4 * (buckets + 1), _HEADER.size + 8 * (buckets + 1)]
        tables.append(tables[2] + 4 * entries)
        if magic != FORMAT or buckets != BUCKETS or len(data) != tables[3] + size:
            raise ValueError("not a dictionary cache of this format")
        view = memoryview(data)
        self._offsets, self._firsts, self._counts = (_u32(view[a:b]) for a, b in pairwise(tables))
        self._words = view[tables[3]:]
        self.total = total
        self.freq: dict[str, int] = {}
        self._loaded = bytearray(BUCKETS)
        self._seen: set[str] = set()

    def prepare(self, text: str) -> None:
        """Load every entry jieba may look up while cutting `text`."""
        keys = set(text)
        keys.update(map(add, text, text[1:]))
        keys -= self._seen
        if not keys:
            return
        self._seen |= keys
        offsets, firsts, counts, loaded, words = self._offsets, self._firsts, self._counts, self._loaded, self._words
        for key in keys:
            b = bucket(key)
            if not loaded[b] and firsts[b] != firsts[b + 1]:
                loaded[b] = 1
                chunk = str(words[offsets[b]:offsets[b + 1]], "utf-8", "surrogatepass")
                self.freq.update(zip(chunk.split("\n"), counts[firsts[b]:firsts[b + 1]]))


def bucket(key: str) -> int:
    """The bucket of an entry's first two characters (of a one-character entry, itself)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & _MASK


def encode(freq: dict[str, int], total: int) -> bytes:
    """The cache file's bytes for a prefix dictionary and its total frequency."""
    buckets: list[list[tuple[str, int]]] = [[] for _ in range(BUCKETS)]
    for word, count in freq.items():
        buckets[bucket(word[:2])].append((word, count))
    chunks = ["\n".join(word for word, _ in entries).encode("utf-8", "surrogatepass") for entries in buckets]
    offsets, firsts = array(_U32, [0]), array(_U32, [0])
    for chunk, entries in zip(chunks, buckets):
        offsets.append(offsets[-1] + len(chunk))
        firsts.append(firsts[-1] + len(entries))
    counts = array(_U32, [count for entries in buckets for _, count in entries])
    if sys.byteorder == "big":
        for table in (offsets, firsts, counts):
            table.byteswap()
    words = b"".join(chunks)
    header = _HEADER.pack(FORMAT, BUCKETS, total, len(counts), len(words))
    return header + offsets.tobytes() + firsts.tobytes() + counts.tobytes() + words


def _u32(view: memoryview) -> array:
    table = array(_U32)
    table.frombytes(view)
    if sys.byteorder == "big":
        table.byteswap()
    return table


def load(dictionary: Path, build: Builder, cache_dir: Path | None = None) -> LazyFreq:
    """The prefix dictionary of `dictionary` from its cache file, built (and written if the
    cache directory allows) on first use."""
    data = dictionary.read_bytes()
    name = hashlib.sha256(FORMAT + data).hexdigest()[:24]
    path = (cache_dir or default_cache_dir()) / f"jieba-{name}.dict"
    try:
        with path.open("rb") as f:
            return LazyFreq(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError, struct.error):
        pass
    fresh = encode(*build(dictionary))
    _write_atomically(path, fresh)
    return LazyFreq(fresh)


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/policy-pipeline` (an absolute path, as the XDG spec requires),
    else `~/.cache/policy-pipeline`."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "policy-pipeline"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder; give up quietly
    where the folder cannot be made or written (the caller keeps the bytes in memory)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
