"""The graphmap dashboard: Dash pages on top of the graphmap library."""
