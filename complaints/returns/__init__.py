"""The IOPC data return (C-DATA-RETURN): the figures the IOPC collects from every force and local policing
body, for a financial-year quarter or year, each with its definition (complaints/reference/
data_return_fields.csv), and the national table they are compared with.

rules.py is pure (periods, day counts, means, the national comparison); selectors.py reads the figures
from the database; definitions.py reads the field definitions."""
