"""Resolve's benchmark (issue 9): builds a large force's data straight into a separate PostgreSQL database
with COPY, measures each figure several times against the floor PostgreSQL itself gives on the same data in
the same run, and writes bench/results.json and bench/results.md. Run `python -m bench --help`."""
