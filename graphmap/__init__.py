"""graphmap: the partner network of Flemish primary-care zones, kept in a Neo4j graph."""

from graphmap.errors import GraphmapError
from graphmap.store import Store

__all__ = ["GraphmapError", "Store"]
__version__ = "0.1.0"
