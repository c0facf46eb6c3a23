"""Shared fixtures: the bundled pipeline and the seed graph, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (it holds the licensed corpora; a fresh clone has none)")
    return SHARED


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A private Virtuoso on loopback, open for Graph Store writes; yields its base URL."""
    import shutil
    import subprocess
    import time
    import urllib.request

    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    template = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
    if not (server and isql and template.is_file()):
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = []
    for line in template.read_text().splitlines():
        key = line.split("=")[0].strip()
        if key in ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"):
            line = f"{key} = {folder}/{Path(line.split('=', 1)[1].strip()).name}"
        elif key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port if 'HTTPServer' in ini[-40:][0:1] else sql_port}"
        elif key == "DirsAllowed":
            line = f"DirsAllowed = ., {folder}"
        ini.append(line)
    text = "\n".join(ini)
    # the [HTTPServer] section's ServerPort is the web port
    head, _, tail = text.partition("[HTTPServer]")
    tail = tail.replace(f"ServerPort = 127.0.0.1:{sql_port}", f"ServerPort = 127.0.0.1:{http_port}", 1)
    (folder / "virtuoso.ini").write_text(head + "[HTTPServer]" + tail)
    process = subprocess.Popen([server, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/sparql", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("Virtuoso did not start within 60 s")
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                        'exec=GRANT SPARQL_UPDATE TO "SPARQL"; '
                        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"],
                       check=True, capture_output=True, timeout=60)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)
