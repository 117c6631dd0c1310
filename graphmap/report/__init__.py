"""The progress report for the zorgraad meeting: `zorgraad.collect` gathers what it says from
the graph, `picture` draws the zone's network by cluster, `word` and `pdf` lay it out."""
