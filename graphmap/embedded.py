"""The embedded default store: ArcadeDB with its Bolt plugin, in a child process.

One server per data folder. The first graphmap process that needs it starts it; every
other graphmap process on the same folder finds it through `server.json` and joins it.
Each process using the server registers a file under `clients/`; the server process
watches those and stops itself once no registered process has been alive for
`GRAPHMAP_IDLE_SECONDS` (default five minutes: a series of commands then answers without
paying the database's start each time), so a killed graphmap never leaves a database
behind for long. `graphmap stop` (`stop_idle`) ends an idle server at once. A file lock
serialises start, join and stop.

The data folder holds contacts' personal data: it is private to the user (0700), and so is
everything in it (0600; the server runs with umask 077, so ArcadeDB's own files too).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from graphmap.errors import GraphmapError, StoreUnavailableError
from graphmap.settings import EMBEDDED_DATABASE

STATE_FILE = "server.json"
PASSWORD_FILE = "root-password"
LOCK_FILE = "server.lock"
LOG_FILE = "server.log"
CLIENTS_DIR = "clients"
CHECKPOINT_PREFIX = "checkpoint-"
USERNAME = "root"
START_TIMEOUT = 180.0
CHECKPOINT_TIMEOUT = 30.0
IDLE_SECONDS = 300.0  # default of GRAPHMAP_IDLE_SECONDS


def idle_seconds() -> float:
    """How long the server outlives its last client (GRAPHMAP_IDLE_SECONDS; 0: not at all)."""
    value = os.environ.get("GRAPHMAP_IDLE_SECONDS", "")
    try:
        return max(0.0, float(value)) if value.strip() else IDLE_SECONDS
    except ValueError:
        raise StoreUnavailableError(
            f"GRAPHMAP_IDLE_SECONDS moet een aantal seconden zijn, niet {value!r}"
        ) from None


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    password: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def _private_folder(folder: Path) -> None:
    """Create `folder` (and what it lacks above it) readable by its owner only."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)


def make_private(data_dir: Path) -> None:
    """Close a data folder made before graphmap kept it private: 0700 folders, 0600 files."""
    _private_folder(data_dir)
    for root, folders, files in os.walk(data_dir):
        for name in folders:
            os.chmod(os.path.join(root, name), 0o700)
        for name in files:
            with contextlib.suppress(OSError):  # a file that went away meanwhile
                os.chmod(os.path.join(root, name), 0o600)


def _open_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_APPEND):
    return os.fdopen(os.open(path, flags, 0o600), "ab" if flags & os.O_APPEND else "wb")


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    with _open_private(data_dir / LOCK_FILE) as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); it is gone for our purposes.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _read_state(data_dir: Path) -> ServerInfo | None:
    try:
        info = ServerInfo(**json.loads((data_dir / STATE_FILE).read_text()))
    except (OSError, ValueError, TypeError):
        return None
    if _alive(info.pid) and _listening(info.bolt_port):
        return info
    return None


def _write_private(path: Path, text: str) -> None:
    # State and password files hold the root password: readable by their owner only.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)


def _password(data_dir: Path) -> str:
    """The folder's root password: generated once, since ArcadeDB keeps the first one."""
    path = data_dir / PASSWORD_FILE
    if not path.exists():
        _write_private(path, secrets.token_urlsafe(24))
    return path.read_text().strip()


def _live_clients(data_dir: Path) -> list[int]:
    folder = data_dir / CLIENTS_DIR
    live = []
    for entry in folder.glob("*"):
        head = entry.name.split("-", 1)[0]
        pid = int(head) if head.isdigit() else -1
        if pid > 0 and _alive(pid):
            live.append(pid)
        else:
            entry.unlink(missing_ok=True)
    return live


class EmbeddedServer:
    """A handle on the embedded server of one data folder, held by one graphmap process."""

    def __init__(self, data_dir: Path, idle: float | None = None):
        self.data_dir = Path(data_dir).resolve()
        self.idle = idle_seconds() if idle is None else idle
        self.info: ServerInfo | None = None
        self._process: subprocess.Popen | None = None
        # One file per handle (pid first, for the liveness check): a process may hold several.
        self._client = self.data_dir / CLIENTS_DIR / f"{os.getpid()}-{secrets.token_hex(4)}"

    def start(self) -> ServerInfo:
        """Join the folder's running server, or start one; register this process as a client."""
        _private_folder(self.data_dir)
        _private_folder(self.data_dir / CLIENTS_DIR)
        with _locked(self.data_dir):
            self._client.touch(mode=0o600)
            info = _read_state(self.data_dir)
            if info is None:
                make_private(self.data_dir)
                info = self._spawn()
                _write_private(self.data_dir / STATE_FILE, json.dumps(asdict(info)))
            elif self._process is not None and self._process.pid != info.pid:
                self._process = None  # ours died; this one another process started
            self.info = info
        return info

    def stop(self) -> None:
        """Unregister. The server stops itself once it has been idle for its idle time; with
        none (GRAPHMAP_IDLE_SECONDS=0) and no other graphmap process using it, stop it now."""
        if self.info is None:
            return
        info, self.info = self.info, None
        with _locked(self.data_dir):
            self._client.unlink(missing_ok=True)
            if self.idle > 0 or _live_clients(self.data_dir):
                return
            _terminate(self.data_dir, info.pid, self._process)

    def _spawn(self) -> ServerInfo:
        password = _password(self.data_dir)
        bolt_port, http_port = _free_port(), _free_port()
        log = _open_private(self.data_dir / LOG_FILE)
        env = {**os.environ, "GRAPHMAP_EMBEDDED_PASSWORD": password}
        # A session of its own: Ctrl-C in the terminal reaches graphmap, which then stops
        # the server in order, instead of both dying at once.
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "graphmap.embedded",
                str(self.data_dir),
                str(bolt_port),
                str(http_port),
                str(self.idle),
            ],
            cwd=self.data_dir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            umask=0o077,  # ArcadeDB's files hold personal data: private to the user
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise StoreUnavailableError(
                    f"de ingebedde databank startte niet; zie {self.data_dir / LOG_FILE}"
                )
            if (self.data_dir / "ready").exists() and _listening(bolt_port):
                (self.data_dir / "ready").unlink()
                return ServerInfo(self._process.pid, bolt_port, http_port, password)
            time.sleep(0.2)
        self._process.kill()
        raise StoreUnavailableError(
            f"de ingebedde databank startte niet binnen {START_TIMEOUT:.0f} s; "
            f"zie {self.data_dir / LOG_FILE}"
        )

    def checkpoint(self, timeout: float = CHECKPOINT_TIMEOUT) -> None:
        """Have the server move its write-ahead log into the database files and drop it.

        After an erasure the log still holds what was erased until the server stops; this
        makes it go now. The request is a file the server process looks for (see `_serve`).
        """
        request = self.data_dir / f"{CHECKPOINT_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        request.touch(mode=0o600)
        deadline = time.monotonic() + timeout
        while request.exists():
            if time.monotonic() > deadline or self.info is None or not _alive(self.info.pid):
                request.unlink(missing_ok=True)
                raise StoreUnavailableError(
                    f"de ingebedde databank leegde haar log niet op tijd; zie {LOG_FILE}"
                )
            time.sleep(0.05)
        failed = request.with_name(request.name + ".failed")
        if failed.exists():
            reason = failed.read_text().strip()
            failed.unlink()
            raise GraphmapError(
                "de ingebedde databank kon haar log niet legen; wat gewist is, blijft erin "
                f"tot de server stopt ({reason})"
            )


def _terminate(data_dir: Path, pid: int, process: subprocess.Popen | None = None) -> None:
    """Stop the server and wait for it; the caller holds the lock."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    _wait_gone(pid, process, timeout=60)
    (data_dir / STATE_FILE).unlink(missing_ok=True)


def stop_idle(data_dir: Path) -> str:
    """`graphmap stop`: end the folder's server now, unless a graphmap process still uses it."""
    data_dir = Path(data_dir).resolve()
    if not (data_dir / STATE_FILE).exists():
        return "er draait geen ingebedde databank in deze map"
    with _locked(data_dir):
        info = _read_state(data_dir)
        if info is None:
            (data_dir / STATE_FILE).unlink(missing_ok=True)
            return "er draait geen ingebedde databank in deze map"
        users = _live_clients(data_dir)
        if users:
            raise StoreUnavailableError(
                "de ingebedde databank is in gebruik door "
                f"{'graphmap-proces' if len(users) == 1 else 'graphmap-processen'} "
                f"{', '.join(map(str, sorted(users)))}; stop die eerst"
            )
        _terminate(data_dir, info.pid)
    return f"ingebedde databank gestopt (pid {info.pid})"


def _wait_gone(pid: int, process: subprocess.Popen | None, timeout: float) -> None:
    if process is not None:
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _serve(data_dir: Path, bolt_port: int, http_port: int, idle: float) -> None:
    """The child process: run ArcadeDB until told to stop, or idle for `idle` seconds."""
    import arcadedb_embedded

    stopping = False

    def request_stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    server = arcadedb_embedded.create_server(
        root_path=str(data_dir / "arcadedb"),
        root_password=os.environ.pop("GRAPHMAP_EMBEDDED_PASSWORD"),
        config={
            "host": "127.0.0.1",
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
        },
    )
    server.start()
    try:
        server.create_database(EMBEDDED_DATABASE)  # opens it when it exists
        (data_dir / "ready").touch()
        busy = time.monotonic()  # when a client was last seen
        while not stopping and not _stopped_when_idle(data_dir, server, busy, idle):
            if _live_clients(data_dir):
                busy = time.monotonic()
            _answer_checkpoints(data_dir, server)
            time.sleep(0.5)
    finally:
        server.stop()


def _answer_checkpoints(data_dir: Path, server) -> None:
    for request in data_dir.glob(f"{CHECKPOINT_PREFIX}*"):
        if request.name.endswith(".failed"):
            continue
        try:
            _checkpoint(data_dir, server)
        except Exception as error:  # noqa: BLE001 - reported to the process that asked
            _write_private(request.with_name(request.name + ".failed"), str(error))
        request.unlink(missing_ok=True)


def _checkpoint(data_dir: Path, server) -> None:
    """Retire the write-ahead log files and drop them once their pages are in the data files.

    ArcadeDB does this by itself only when a log file passes 64 MB, or on a clean close (a
    close under running clients would lose their open transactions). The rotation its own
    timer runs is not public; it is reached by reflection, and a test pins it down.
    """
    database = server._java_server.getDatabase(EMBEDDED_DATABASE).getWrappedDatabaseInstance()
    manager = database.getTransactionManager()
    rotate = manager.getClass().getDeclaredMethod("rotateAndDropWALForTesting")
    rotate.setAccessible(True)
    folder = data_dir / "arcadedb" / "databases" / EMBEDDED_DATABASE
    retired = set(folder.glob("*.wal"))
    rotate.invoke(manager)
    deadline = time.monotonic() + CHECKPOINT_TIMEOUT / 2
    while any(path.exists() for path in retired):
        if time.monotonic() > deadline:
            raise RuntimeError("the retired log files were not dropped (pages not yet flushed)")
        time.sleep(0.1)


def _stopped_when_idle(data_dir: Path, server, busy: float, idle: float) -> bool:
    """Stop the server once no graphmap process has used it for `idle` seconds (every
    process that used it may also just have been killed).

    Only tries the lock: a graphmap process holding it may be waiting for us to stop.
    """
    if time.monotonic() - busy < idle:
        return False
    with open(data_dir / LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        if _live_clients(data_dir):
            return False
        # Under the lock, so that nobody joins or starts a server on this folder meanwhile.
        (data_dir / STATE_FILE).unlink(missing_ok=True)
        server.stop()
        return True


if __name__ == "__main__":
    _serve(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
    # The server is down and its files are closed; a JVM thread of a query that the stop
    # cut off must not keep the process (and the graphmap waiting for it) alive.
    sys.stdout.flush()
    os._exit(0)
