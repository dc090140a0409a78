"""en-GB formats. Dates shown without a filter of their own (the admin site's lists and read-only
fields) read dd/mm/yyyy, times 24-hour. ISO dates come first for input: an <input type="date"> only
accepts YYYY-MM-DD, so a form's initial or re-displayed date must render that way. dd/mm/yyyy is
still accepted when typed. Everything not set here comes from Django's own en_GB formats."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
