"""The `policy` command: a thin click layer over `pipeline.api`.

Conventions every command follows (a new command module gets them by using
what is here and registering on `cli`):

- Errors are translated in one place, the group's `invoke`: a `PipelineError`
  (bad input) or an `OSError` naming a file becomes one `Error: …` line on
  stderr and exit 1; usage errors exit 2 (click); Ctrl-C exits 130 with one
  line saying the outputs are incomplete (files are written atomically, so no
  temporary or half-written file is left). Anything else is a bug and surfaces
  as a traceback.
- Shared options, same names and defaults everywhere: `out_option` (`-o/--out`,
  a folder, default `outputs`), `format_option` (`-f/--format`),
  `aliases_option` (`--aliases FILE`, loaded and checked before any work),
  `jobs_option` (`-j/--jobs`), `dask_option` (`--dask ADDRESS`).
- Results go to stdout, everything else (progress, paths written, errors) to
  stderr. A batch shows `progress`: a bar when stderr is a terminal, plain
  per-file lines otherwise. `echo_table` aligns columns by display width.
"""
from __future__ import annotations

import importlib.util
import sys
from contextlib import contextmanager
from typing import Iterator, Sequence

import click

from ..display import ljust
from ..errors import PipelineError

INTERRUPTED = 130
OUT_KEY = "policy.out"


class PolicyGroup(click.Group):
    """The `policy` group: runs a command and translates what escapes it (see the module docstring)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PipelineError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            if exc.filename is None:
                raise
            click.echo(f"Error: {exc.filename}: {exc.strerror or exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            out = ctx.meta.get(OUT_KEY)
            where = f"the outputs in {out} are incomplete" if out else "the output is incomplete"
            click.echo(f"\nInterrupted: {where}; run the command again to finish.", err=True)
            ctx.exit(INTERRUPTED)


@click.group(cls=PolicyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-pipeline")
def cli() -> None:
    """Turn Chinese policy drafts into structured, validated data."""


def lazy_module(name: str):
    """`name`, imported on first attribute access: keeps the extractors off `policy --help`."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# --- shared options -----------------------------------------------------------------------

def _remember_out(ctx: click.Context, _param: click.Parameter, value):
    if value is not None:
        ctx.meta[OUT_KEY] = value
    return value


def out_option(help: str, default: str | None = "outputs", folder: bool = True):
    """`-o/--out` (parameter `out`): the folder written into (default `outputs`); `folder=False`
    lets it name a file too. The translator names it when Ctrl-C leaves it incomplete."""
    kind = click.Path(file_okay=False) if folder else click.Path()
    return click.option("-o", "--out", "out", default=default, show_default=default is not None, type=kind,
                        callback=_remember_out, help=help)


def format_option(choices: Sequence[str], default: str, help: str):
    """`-f/--format` (parameter `fmt`) with its choices."""
    return click.option("-f", "--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help=help)


ALIASES_HELP = "Extra unit-name aliases: TSV lines alias<TAB>full name<TAB>kind (see pipeline/data/aliases.tsv)."


def _load_aliases(_ctx: click.Context, _param: click.Parameter, value):
    if value is None:
        return None
    from ..extract.aliases import load_aliases

    return load_aliases(value)


def aliases_option(func):
    """`--aliases FILE` (parameter `aliases`): the user's alias table, loaded (and refused with
    one line if malformed) before the command starts; None when not given."""
    return click.option("--aliases", type=click.Path(dir_okay=False), callback=_load_aliases,
                        help=ALIASES_HELP)(func)


def jobs_option(func):
    """`-j/--jobs N` (parameter `jobs`): worker processes, default the number of cores."""
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                        help="Parallel worker processes (default: the number of cores).")(func)


def dask_option(func):
    """`--dask ADDRESS` (parameter `dask`): run the per-file work on a Dask cluster."""
    return click.option("--dask", metavar="ADDRESS", default=None,
                        help="Parse the files on the Dask cluster whose scheduler is at ADDRESS "
                             "(tcp://host:8786; needs the dask extra; the workers read the same paths).")(func)


# --- output -------------------------------------------------------------------------------

class Progress:
    """Progress of a batch on stderr: `advance(name, detail)` once per item finished."""

    def __init__(self, total: int, label: str, bar):
        self.total, self.label, self.bar, self.done = total, label, bar, 0

    def advance(self, name: str, detail: str = "") -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1, name)
        else:
            click.echo(f"{self.label} {self.done}/{self.total} {name}" + (f": {detail}" if detail else ""), err=True)


class _Silent(Progress):
    def advance(self, name: str, detail: str = "") -> None:
        self.done += 1


@contextmanager
def progress(total: int, label: str, quiet: bool = False) -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal, else one plain line per item; nothing when
    `quiet` or for a single item."""
    if quiet or total < 2:
        yield _Silent(total, label, None)
    elif sys.stderr.isatty():
        with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                               item_show_func=lambda name: name) as bar:
            yield Progress(total, label, bar)
    else:
        yield Progress(total, label, None)


class Stages:
    """Progress of a job that runs in stages: call it with `(stage, total, item)` as each item
    finishes; each stage gets its own `progress`. Use as a context manager."""

    def __init__(self, quiet: bool = False):
        self.quiet, self.stage, self._open, self._shown = quiet, None, None, None

    def __call__(self, stage: str, total: int, item: str, detail: str = "") -> None:
        if stage != self.stage:
            self.close()
            self.stage, self._open = stage, progress(total, stage, self.quiet)
            self._shown = self._open.__enter__()
        self._shown.advance(item, detail)

    def close(self) -> None:
        if self._open is not None:
            self._open.__exit__(None, None, None)
            self._open = None

    def __enter__(self) -> Stages:
        return self

    def __exit__(self, *exc) -> bool:
        self.close()
        return False


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print columns separated by two spaces, aligned by display width (a CJK character is two)."""
    from ..display import width

    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for row in [headers, *rows]:
        click.echo("  ".join(ljust(str(v), w) for v, w in zip(row, widths)).rstrip())


from . import ingest  # noqa: E402,F401  (registers commands)
from . import tasks  # noqa: E402,F401
from . import annotate, build, check, money  # noqa: E402,F401
from . import diff  # noqa: E402,F401
from . import library  # noqa: E402,F401


def main() -> None:
    cli(prog_name="policy")
