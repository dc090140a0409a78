"""What the screen answers: frozen dataclasses and their JSON shape (API.md, Hidden-crime screen)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Verdict = Literal["crime", "unsure", "no_crime"]

# Why a piece of text was set aside. The words a person reads are in WHY_LABELS.
WHY_LABELS: dict[str, str] = {
    "negation": "Negated or denied",
    "hypothetical": "Hypothetical, or a fear of what might happen",
    "retraction": "Contradicted by a verifiable fact",
    "other_victim": "About someone else, or reported elsewhere",
    "already_recorded": "Already recorded (a crime number in the log)",
    "points_not_made_out": "Points to prove not made out",
    "figure_of_speech": "A figure of speech, not the act its words name",
}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class CrimeFinding:
    offence: str
    principal: bool
    refer_to: str | None
    evidence: tuple[Span, ...]
    patterns: tuple[str, ...]
    rules: tuple[str, ...]
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "offence": self.offence,
            "principal": self.principal,
            "refer_to": self.refer_to,
            "evidence": [s.as_dict() for s in self.evidence],
            "patterns": list(self.patterns),
            "rules": list(self.rules),
        }


@dataclass(frozen=True, slots=True)
class Discount:
    start: int
    end: int
    text: str
    why: str
    patterns: tuple[str, ...]

    @property
    def why_label(self) -> str:
        return WHY_LABELS.get(self.why, self.why)

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "why": self.why,
            "patterns": list(self.patterns),
        }


@dataclass(frozen=True, slots=True)
class ScreenResult:
    verdict: Verdict
    score: float
    patterns_version: int
    crimes: tuple[CrimeFinding, ...]
    discounted: tuple[Discount, ...]

    @property
    def principal(self) -> CrimeFinding | None:
        return self.crimes[0] if self.crimes else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": round(self.score, 2),
            "patterns_version": self.patterns_version,
            "crimes": [c.as_dict() for c in self.crimes],
            "discounted": [d.as_dict() for d in self.discounted],
        }
