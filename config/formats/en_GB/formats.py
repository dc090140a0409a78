"""en-GB formats, with ISO dates first for input: an <input type="date"> only accepts YYYY-MM-DD, so a
form's initial or re-displayed date must render that way. dd/mm/yyyy is still accepted when typed.
Everything not set here comes from Django's own en_GB formats."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
