"""The one error shape for bad input and domain failures.

Library code raises these; batch runners record them and go on with the next input; the CLI
turns them into a one-line message at its boundary.
"""

from __future__ import annotations


class SitroomError(Exception):
    """Base class for errors a user can act on."""


class InputError(SitroomError):
    """One input (a file, or a line of a JSONL file) could not be read.  Names where and why."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ConfigError(SitroomError):
    """A setting or an option value is unusable."""
