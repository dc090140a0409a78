"""The rule catalogue's data file and its documentation page (issue 16 part 5).

Every rule Resolve cites (R-… for crime recording, C-… for complaints) lives in
`staffing/reference/rules.csv`, loaded with the other reference tables into `staffing.Rule`. The file
was generated once from the domain notes (DOMAIN-crime.md and DOMAIN-complaints.md) by
`manage.py rules_import`, and is kept as data from then on: a changed rule is an edited row, and
reloading it records a history row with the reason. `manage.py rules_docs` writes docs/rules.md from
the same file. Nothing here runs when the product serves a request except `RULE_ID`."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

RULES_CSV = Path(__file__).resolve().parent / "reference" / "rules.csv"
DOCS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
FIELDS = ["code", "domain", "section", "words", "sources", "verified", "note", "position"]

# A rule ID as written in code, templates and explanations: R-NCRS-24H, C-REVIEW-28D. A token that
# continues with a hyphen ("C-RECORD-*", the prefix "C-RECORD-" in code) is a family, not an ID.
RULE_ID = re.compile(r"\b[RC]-[A-Z0-9]+(?:-[A-Z0-9]+)*(?![-A-Z0-9])")

CRIME, COMPLAINTS = "crime", "complaints"
NO_SOURCE = "No source is named for this rule in the domain notes."

# Complaints rules name their legal source in brackets: "(PRA s12(1))", "(Regs2020 reg 34(2)(a))".
# A bare paragraph ("2(6B)(a)") is a Schedule 3 paragraph; a bare section ("s29(4)") is the PRA's.
LEGAL = re.compile(
    r"^\d+\(\d+[A-Z]?\)|\bPRA s\d|\bSch ?3 paras? \d|\bparas? \d|\bregs? \d|\bSG2020\b|\bDCG\b"
    r"|^s\d+\(|\bAct \d{4}|\bDPA \d{4}"
)


def _provision(text: str) -> str:
    """A bracketed reference written in full: '2(6B)(a)' -> 'Sch3 para 2(6B)(a)', 'reg 34(3)' ->
    'Regs2020 reg 34(3)', 's29(4)' -> 'PRA s29(4)'."""
    if re.match(r"^\d+\(", text):
        return f"Sch3 para {text}"
    if text.startswith("para "):
        return f"Sch3 {text}"
    if text.startswith("reg "):
        return f"Regs2020 {text}"
    if re.match(r"^s\d+\(", text):
        return f"PRA {text}"
    return text


# Section 16 of DOMAIN-complaints.md confirms some rules from public guidance rather than a provision
# quoted beside the rule; those confirmations are the rule's source.
COMPLAINT_SOURCES_FROM_SECTION_16 = {
    "C-REVIEW-28D": (
        "IOPC, \u201cReviews and appeals\u201d public guidance (28-day example); PCC public guidance"
    ),
}


@dataclass(frozen=True)
class RuleRow:
    code: str
    domain: str
    section: str
    words: str
    sources: str
    verified: bool
    note: str
    position: int

    def as_csv(self) -> dict[str, str]:
        return {
            "code": self.code,
            "domain": self.domain,
            "section": self.section,
            "words": self.words,
            "sources": self.sources,
            "verified": "true" if self.verified else "false",
            "note": self.note,
            "position": str(self.position),
        }


# ---------------------------------------------------------------- reading the domain notes


def _paragraphs(text: str) -> list[tuple[str, str]]:
    """The notes as (section heading, block) pairs: a block is a bullet with its continuation lines
    or a paragraph. The heading is the latest '## ' heading ('' before the first)."""
    out: list[tuple[str, str]] = []
    heading = ""
    block: list[str] = []

    def flush() -> None:
        if block:
            out.append((heading, " ".join(line.strip() for line in block)))
            block.clear()

    for line in text.splitlines():
        if line.startswith("## "):
            flush()
            heading = re.sub(r"^\d+\.\s*", "", line[3:].strip())
            continue
        if line.startswith("# "):
            flush()
            continue
        if not line.strip():
            flush()
            continue
        if line.startswith("- "):
            flush()
        block.append(line)
    flush()
    return out


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z*(])", text)


def _crime_sources(text: str) -> dict[str, str]:
    """'[S5] …; [S5b] …' lines of the Sources section, one entry per marker."""
    sources: dict[str, str] = {}
    part = text.split("## Sources", 1)[-1]
    for line in part.splitlines():
        if not line.startswith("- ["):
            continue
        for match in re.finditer(r"\[(S\d+[a-z]?)\]\s*(.*?)(?=\s*;\s*\[S\d+[a-z]?\]|$)", line[2:]):
            sources[match.group(1)] = match.group(2).strip()
    return sources


def _markers(text: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"\[(S\d+[a-z]?)\]", text)))


def _notes(text: str) -> list[str]:
    """Bold bracketed caveats ('**[unverified]**', '**[verify against …]**') and italic bracketed
    ones ('*(Exact timescale: verify.)*')."""
    found = re.findall(r"\*\*\[([^\]]+)\]\*\*", text)
    found += re.findall(r"\*\(([^)]*(?:\([^)]*\)[^)]*)*)\)\*", text)
    return [n.strip() for n in found]


def _is_unverified(notes: list[str]) -> bool:
    return any(re.search(r"unverified|verify", n, re.IGNORECASE) for n in notes)


def _clean(text: str) -> str:
    """The rule's words without the markdown, the source markers and the caveats (kept apart)."""
    text = re.sub(r"\s*\*\*\[[^\]]+\]\*\*", "", text)
    text = re.sub(r"\s*\*\(([^)]*(?:\([^)]*\)[^)]*)*)\)\*", "", text)
    text = re.sub(r"\s*\[S\d+[a-z]?\]", "", text)
    text = text.replace("**", "").replace("`", "")
    return re.sub(r"\s{2,}", " ", text).strip()


def _bracketed(text: str) -> list[str]:
    """Top-level bracketed groups, nested brackets kept: '(PRA s12(1))' -> ['PRA s12(1)']."""
    groups: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append(text[start:i])
    return groups


def _drop_id(text: str, code: str) -> str:
    return re.sub(rf"\s*\(\*\*{re.escape(code)}\*\*\)", "", text)


def _rule_blocks(text: str) -> list[tuple[str, str, str, str]]:
    """(code, section, words, inherited source text) for each rule defined in the notes: a bullet that
    opens with a bold ID, or an ID given in bold brackets inside a sentence ('(**R-RULE-VERSION**)')."""
    found: list[tuple[str, str, str, str]] = []
    previous, previous_heading = "", ""
    for heading, block in _paragraphs(text):
        if heading == "Sources":
            break
        if heading != previous_heading:
            previous, previous_heading = "", heading
        head = re.match(r"- \*\*([RC]-[A-Z0-9-]+)\*\*\s*(?:\u2014\s*)?(.*)", block)
        inherited = previous if previous.rstrip().endswith(":") and not previous.startswith("- ") else ""
        if head:
            code, rest = head.group(1), head.group(2)
            embedded = re.findall(r"\(\*\*([RC]-[A-Z0-9-]+)\*\*\)", rest)
            for inner in embedded:
                sentence = next(s for s in _sentences(rest) if f"**{inner}**" in s)
                found.append((inner, heading, _drop_id(sentence, inner), ""))
            for inner in embedded:
                rest = _drop_id(rest, inner)
            found.append((code, heading, rest, inherited))
        else:
            for inner in re.findall(r"\(\*\*([RC]-[A-Z0-9-]+)\*\*\)", block):
                sentence = next(s for s in _sentences(block) if f"**{inner}**" in s)
                found.append((inner, heading or "General rules", _drop_id(sentence, inner), ""))
        if not block.startswith("- "):
            previous = block
    return found


def parse_crime(text: str, *, start: int = 1) -> list[RuleRow]:
    sources = _crime_sources(text)
    rows: list[RuleRow] = []
    for offset, (code, section, words, inherited) in enumerate(_rule_blocks(text)):
        notes = _notes(words)
        cited = _markers(words) or _markers(inherited)
        missing = [m for m in cited if m not in sources]
        if missing:
            raise ValueError(f"{code} cites {', '.join(missing)}, which the Sources list does not give")
        rows.append(
            RuleRow(
                code=code,
                domain=CRIME,
                section=section,
                words=_clean(words),
                sources="\n".join(f"[{m}] {sources[m]}" for m in cited) or NO_SOURCE,
                # Verified only where a source is named and the notes raise no doubt.
                verified=bool(cited) and not _is_unverified(notes),
                note="; ".join(notes),
                position=start + offset,
            )
        )
    return rows


def parse_complaints(text: str, *, start: int = 1) -> list[RuleRow]:
    rows: list[RuleRow] = []
    for offset, (code, section, words, _inherited) in enumerate(_rule_blocks(text)):
        notes = _notes(words)
        plain = _clean(words)
        legal = [_provision(g.strip()) for g in _bracketed(plain) if LEGAL.search(g.strip())]
        extra = COMPLAINT_SOURCES_FROM_SECTION_16.get(code)
        cited = [*legal, *([extra] if extra else [])]
        rows.append(
            RuleRow(
                code=code,
                domain=COMPLAINTS,
                section=section,
                words=plain,
                sources="\n".join(cited) or NO_SOURCE,
                verified=bool(cited) and not _is_unverified(notes),
                note="; ".join(notes),
                position=start + offset,
            )
        )
    return rows


def catalogue_from_notes(*, crime_text: str, complaints_text: str) -> list[RuleRow]:
    """Both documents' rules, crime first, numbered in document order; an ID defined twice is an error."""
    crime = parse_crime(crime_text, start=1)
    complaints = parse_complaints(complaints_text, start=len(crime) + 1)
    rows = [*crime, *complaints]
    seen: set[str] = set()
    for row in rows:
        if row.code in seen:
            raise ValueError(f"{row.code} is defined twice in the domain notes")
        seen.add(row.code)
    return rows


def csv_text(rows: list[RuleRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row.as_csv())
    return out.getvalue()


def read_rows(path: Path = RULES_CSV) -> list[RuleRow]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            RuleRow(
                code=r["code"],
                domain=r["domain"],
                section=r["section"],
                words=r["words"],
                sources=r["sources"],
                verified=r["verified"] == "true",
                note=r["note"],
                position=int(r["position"]),
            )
            for r in csv.DictReader(handle)
        ]


# ---------------------------------------------------------------- the documentation page

DOMAIN_TITLES = {CRIME: "Crime recording (NCRS, HOCR, NSIR)", COMPLAINTS: "Police complaints"}


def docs_text(rows: list[RuleRow]) -> str:
    """docs/rules.md: every rule with its words, source and verification, grouped by domain and
    section in catalogue order. Generated; tests/test_… fails when it is out of date."""
    lines = [
        "# Rule catalogue",
        "",
        "Generated from `staffing/reference/rules.csv` by `python manage.py rules_docs`; do not edit by",
        "hand. In Resolve every rule has its own page under Rules (`/staffing/rules/<ID>/`) and the API",
        "serves them at `GET /api/v1/rules/`.",
        "",
        f"{len(rows)} rules, {sum(not r.verified for r in rows)} of them unverified: marked so in the domain",
        "notes (a point not confirmed against a public source), or stated there without a named source",
        '(its source reads "No source is named"). A rule is verified only where its source is named.',
    ]
    for domain in (CRIME, COMPLAINTS):
        lines += ["", f"## {DOMAIN_TITLES[domain]}"]
        section = None
        for row in sorted((r for r in rows if r.domain == domain), key=lambda r: r.position):
            if row.section != section:
                section = row.section
                lines += ["", f"### {section}"]
            status = "verified" if row.verified else "**unverified**"
            lines += ["", f"#### {row.code}", "", row.words, "", f"- Status: {status}"]
            if row.note:
                lines.append(f"- Note: {row.note}")
            sources = row.sources.splitlines()
            if len(sources) == 1:
                lines.append(f"- Source: {sources[0]}")
            else:
                lines.append("- Sources:")
                lines += [f"  - {s}" for s in sources]
    return "\n".join(lines) + "\n"
