"""Where the graph lives: a Neo4j server named by the NEO4J_* variables, or the embedded store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graphmap.errors import ConfigurationError

EMBEDDED_DATABASE = "graphmap"


@dataclass(frozen=True)
class Settings:
    uri: str | None = None
    username: str = "neo4j"
    password: str | None = None
    database: str | None = None
    data_dir: Path = Path(".graphmap")

    @classmethod
    def from_env(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        uri = env.get("NEO4J_URI") or None
        if uri and not env.get("NEO4J_PASSWORD"):
            raise ConfigurationError("NEO4J_URI is ingesteld maar NEO4J_PASSWORD niet.")
        return cls(
            uri=uri,
            username=env.get("NEO4J_USERNAME", "neo4j"),
            password=env.get("NEO4J_PASSWORD"),
            database=env.get("NEO4J_DATABASE") or None,
            data_dir=Path(env.get("GRAPHMAP_DATA_DIR", ".graphmap")),
        )

    @property
    def embedded(self) -> bool:
        return self.uri is None
