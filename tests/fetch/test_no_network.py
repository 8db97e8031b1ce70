"""Nothing in coauthor touches the network unless ``fetch`` runs: importing
coauthor and running ``coauthor report seeds/`` in a fresh interpreter
whose sockets all raise works, and never loads the HTTP stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import socket, sys

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise AssertionError("coauthor opened a socket")

socket.socket = NoSocket
socket.create_connection = NoSocket
import coauthor
from coauthor.cli import main

try:
    main(["report", sys.argv[1], "-o", sys.argv[2], "--undated-year", "2026"], standalone_mode=False)
except SystemExit as exc:
    assert not exc.code, exc.code
loaded = sorted(m for m in ("requests", "requests_cache", "urllib3", "http.client") if m in sys.modules)
print("loaded:", loaded)
"""


def test_report_opens_no_socket_and_loads_no_http_stack(seeds: Path, tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(seeds), str(tmp_path / "report")],
        capture_output=True, text=True, timeout=300, cwd=seeds.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "loaded: []"
    assert (tmp_path / "report" / "graph.graphml").is_file()
