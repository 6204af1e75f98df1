"""The `policy` command: a thin click layer over `pipeline.api`.

Each command module registers its commands on `cli`; errors become one line on
stderr here, in one place: exit 1 for bad input, 2 for usage.
"""
from __future__ import annotations

import functools
import importlib.util
import sys

import click

from ..errors import PipelineError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


def reports_errors(func):
    """Turn a `PipelineError` into `Error: <message>` on stderr and its exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except PipelineError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


from . import ingest  # noqa: E402,F401  (registers commands)
from . import tasks  # noqa: E402,F401
from . import annotate, build, check, money  # noqa: E402,F401
from . import diff  # noqa: E402,F401


def main() -> None:
    cli(prog_name="policy")
