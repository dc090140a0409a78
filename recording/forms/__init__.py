"""Recording's HTML forms, one module per stage: the recording decision screen, crimes, changes a
second person decides, victims, incidents and the force directory, with what they share in common.py.
Views import each form from its stage."""
