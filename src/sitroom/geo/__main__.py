"""`python -m sitroom.geo`: the geoparse JSONL contract on stdin/stdout (until the CLI wires it)."""

import sys

from sitroom.geo import geoparse_stream

if __name__ == "__main__":
    sys.exit(1 if geoparse_stream(sys.stdin, sys.stdout, sys.stderr) else 0)
