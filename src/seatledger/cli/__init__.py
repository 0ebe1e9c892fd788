"""The command line (typer only): `main` is the entry point."""
