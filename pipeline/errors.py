"""The pipeline's errors: each one owns a one-line message naming the file.

The CLI turns a `PipelineError` into `Error: <message>` and its `exit_code`;
anything else escaping the pipeline is a bug and surfaces as a traceback.
"""
from __future__ import annotations


class PipelineError(Exception):
    """Base of every error the pipeline raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(PipelineError):
    """The input cannot be read: missing, empty, binary, undecodable, hostile, too large."""


class StructureError(PipelineError):
    """The input was read but holds no text a policy document could be built from."""


class SchemaError(PipelineError):
    """A JSON document does not validate against its schema."""


class OutputError(PipelineError):
    """The output cannot be written: a folder that cannot be created, a full disk, no permission."""
