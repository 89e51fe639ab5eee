"""Printing to the operator's terminal, which may be a pipe whose reader has gone away."""

import os
import sys


def say(text: str = "") -> None:
    """Print a line; once the reader is gone (`salesdesk console -c … | head -1`), print
    nothing more, and no BrokenPipeError."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        silence_stdout()


def silence_stdout() -> None:
    """Send the rest of standard output nowhere, so neither a later print nor the
    interpreter's final flush complains about the reader that went away."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
