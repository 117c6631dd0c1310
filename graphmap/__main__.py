from graphmap.cli import cli

cli()
