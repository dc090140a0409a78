"""Dates render ISO in <input type="date"> (which accepts nothing else); people may still type dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt

from django import forms


class DayForm(forms.Form):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


def test_a_date_input_shows_its_value_as_iso() -> None:
    assert 'value="2026-03-01"' in str(DayForm(initial={"day": dt.date(2026, 3, 1)})["day"])


def test_british_dates_are_still_understood() -> None:
    form = DayForm({"day": "01/03/2026"})
    assert form.is_valid() and form.cleaned_data["day"] == dt.date(2026, 3, 1)
