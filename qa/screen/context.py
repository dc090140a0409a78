"""ConText-style modifiers over negspacy's NegEx: which cue, if any, sets a matched span aside.

negspacy finds the cues (a PhraseMatcher over pseudo, preceding, following and terminating phrases) and
cuts each sentence at its terminating phrases; this subclass keeps that algorithm and adds two things the
screen needs: a window (a cue reaches only so many tokens, as ConText's scope does, so "no injuries ...
punched her" in one long log sentence is not read as a denial of the punch) and the cue itself, stored
on the span, so the screen can show the words it discounted. A context may also name cues that are a house
or item number when a number follows them ("the man at no 14"), which then cue nothing."""

from __future__ import annotations

from negspacy.negation import Negex
from spacy.language import Language
from spacy.tokens import Doc, Span

_MatchTuple = tuple[int, int, int]


class CueNegex(Negex):
    """NegEx with a token window; `span._.<extension_name>` is the cue (start, end) in tokens, or None."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        termset: dict[str, list[str]],
        extension_name: str,
        span_key: str,
        window: int,
        numbered: frozenset[str] = frozenset(),
    ) -> None:
        if not Span.has_extension(extension_name):
            Span.set_extension(extension_name, default=None)
        super().__init__(nlp, name, termset, extension_name=extension_name, span_keys=[span_key])
        self.window = window
        # cues that are a house or item number when digits follow ("no 7"; "no one" is still a denial)
        self.numbered = numbered

    def _apply_negation(
        self, span: Span, sub_preceding: list[_MatchTuple], sub_following: list[_MatchTuple]
    ) -> None:
        if self.numbered:
            doc = span.doc
            sub_preceding = [
                m
                for m in sub_preceding
                if not (
                    m[2] < len(doc)
                    and doc[m[2]].text[:1].isdigit()
                    and doc[m[1] : m[2]].text.lower() in self.numbered
                )
            ]
        before = [m for m in sub_preceding if m[2] <= span.start and span.start - m[2] <= self.window]
        if before:
            _, start, end = max(before, key=lambda m: m[2])
            span._.set(self.extension_name, (start, end))
            return
        # A cue that opens the span itself ("denies punching her" matched whole) also counts as preceding.
        inside = [m for m in sub_preceding if m[1] == span.start and m[2] < span.end]
        if inside:
            _, start, end = inside[0]
            span._.set(self.extension_name, (start, end))
            return
        after = [m for m in sub_following if m[1] >= span.end and m[1] - span.end <= self.window]
        if after:
            _, start, end = min(after, key=lambda m: m[1])
            span._.set(self.extension_name, (start, end))

    def __call__(self, doc: Doc) -> Doc:
        return self.negex(doc)
