"""What the recording forms share: reading an offence or a force from what a person typed, and the
London date-and-time field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from config import fields as bounded
from recording import selectors
from recording.models import Force, Grade

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def offence_code_for(typed: str) -> str:
    """The offence a recorder means by what they typed: a class or Home Office offence code as it is,
    else the one offence whose title (or legislation, or category) holds the words; several or none is
    a field error that lists what matched, so the form works without JavaScript too."""
    typed = typed.strip()
    choices = selectors.offence_search(typed)
    for choice in choices:
        if choice.code.casefold() == typed.casefold():
            return choice.code
    # An offence's exact title always wins over the others that merely hold its words.
    titled = [c for c in choices if c.title.casefold() == typed.casefold()]
    if len(titled) == 1:
        return titled[0].code
    if len(choices) == 1:
        return choices[0].code
    if not choices:
        raise forms.ValidationError(f'No offence matches "{typed}": type part of its title, or its code.')
    shown = "; ".join(f"{c.code} {c.title}" for c in choices[:8])
    more = f" and {len(choices) - 8} more" if len(choices) > 8 else ""
    raise forms.ValidationError(
        f'{len(choices)} offences match "{typed}": {shown}{more}. Type the code you mean.'
    )


def force_code_for(typed: str) -> str:
    """A force's code from its code or its name in the force directory ("Kent Police", "kent", "KT");
    our own force by its code. A code the directory does not hold is kept as typed (upper case): the
    decision then names the force to add before a transfer."""
    typed = typed.strip()
    if typed.upper() == settings.RESOLVE_FORCE_CODE:
        return typed.upper()
    by_code = Force.objects.filter(code__iexact=typed).values_list("code", flat=True).first()
    if by_code:
        return by_code
    named = list(Force.objects.filter(name__icontains=typed).values_list("code", "name")[:6])
    exact = [code for code, name in named if name.casefold() == typed.casefold()]
    if exact or len(named) == 1:
        return exact[0] if exact else named[0][0]
    if len(named) > 1:
        listed = "; ".join(f"{code} {name}" for code, name in named)
        raise forms.ValidationError(f'Several forces match "{typed}": {listed}. Type the code you mean.')
    if " " in typed or len(typed) > 12:
        raise forms.ValidationError(f'No force in the directory matches "{typed}".')
    return typed.upper()


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def when_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateTimeField:
    return bounded.DateTimeField(
        label=label,
        required=required,
        widget=LocalDateTimeInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=help_text or "Europe/London time.",
    )


GRADE_CHOICES = [("", "Not graded"), *Grade.choices]
