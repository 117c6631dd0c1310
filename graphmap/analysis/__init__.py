"""Questions asked of the graph: counts, networks, gaps, contact lists."""
