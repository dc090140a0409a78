"""Merge the dev7 batch files into ../dev7.json, checking every item against the label schema.

Batch format (one block per narrative):
    ### <NSIR code> | <classes, space separated, first = principal> (or "-" for no crime)
    <narrative, one line>
    E: <evidence phrase, verbatim substring of the narrative>   (one or more, crimes only)
    W: <one-line why>
Lines starting with a single "#" are comments. Batches 01-04 make ids d7-001..d7-200 and
batches 05-08 make d7-201..d7-400, each half shuffled with its own fixed seed, so the ids
landed in the first step do not move when the second half is added.

Run: python qa/tests/data/dev/dev7/merge_dev7.py
"""

import csv
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dev7.json"
SHARED = Path("/work/shared/reference")
Table = dict[str, dict[str, str]]
HALVES = [
    (["batch01", "batch02", "batch03", "batch04"], 7001),
    (["batch05", "batch06", "batch07", "batch08"], 7002),
]


def load_codes(name: str, key: str) -> Table:
    with open(SHARED / name, newline="") as f:
        return {row[key]: row for row in csv.DictReader(f)}


def parse(path: Path) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cur: dict[str, object] | None = None
    for raw in path.read_text().splitlines():
        line = raw.rstrip()
        if line.startswith("### "):
            nsir, _, classes = line[4:].partition("|")
            codes = [] if classes.strip() == "-" else classes.split()
            cur = {"nsir": nsir.strip(), "classes": codes, "narrative": "", "evidence": [], "why": ""}
            items.append(cur)
        elif line.startswith("#") or not line.strip():
            continue
        elif cur is None:
            raise ValueError(f"{path.name}: text before the first header: {line[:40]}")
        elif line.startswith("E: "):
            cur["evidence"].append(line[3:])  # type: ignore[attr-defined]
        elif line.startswith("W: "):
            cur["why"] = line[3:]
        else:
            cur["narrative"] = (str(cur["narrative"]) + " " + line.strip()).strip()
    return items


def check(item: dict[str, object], where: str, ho: Table, nsir: Table) -> list[str]:
    errs = []
    classes = item["classes"]
    evidence = item["evidence"]
    narrative = str(item["narrative"])
    assert isinstance(classes, list) and isinstance(evidence, list)
    if item["nsir"] not in nsir or nsir[str(item["nsir"])]["crime_related"] != "false":
        errs.append(f"{where}: nsir {item['nsir']} unknown or crime-related")
    for code in classes:
        if code not in ho:
            errs.append(f"{where}: class {code} not in ho_offences.csv")
    if len(set(classes)) != len(classes):
        errs.append(f"{where}: repeated class")
    if bool(classes) != bool(evidence):
        errs.append(f"{where}: evidence must be present iff crime")
    for phrase in evidence:
        if phrase not in narrative:
            errs.append(f"{where}: evidence not verbatim: {phrase[:60]}")
    if not item["why"] or len(narrative) < 60:
        errs.append(f"{where}: missing why or narrative too short")
    return errs


def main() -> int:
    ho = load_codes("ho_offences.csv", "code")
    nsir = load_codes("nsir_codes.csv", "code")
    out: list[dict[str, object]] = []
    errs: list[str] = []
    seen: set[str] = set()
    for batches, seed in HALVES:
        half: list[dict[str, object]] = []
        for name in batches:
            path = HERE / f"{name}.txt"
            if not path.exists():
                continue
            for n, item in enumerate(parse(path), 1):
                errs += check(item, f"{name}#{n}", ho, nsir)
                if item["narrative"] in seen:
                    errs.append(f"{name}#{n}: duplicate narrative")
                seen.add(str(item["narrative"]))
                half.append(item)
        random.Random(seed).shuffle(half)
        for item in half:
            classes = item["classes"]
            out.append(
                {
                    "id": f"d7-{len(out) + 1:03d}",
                    "nsir_code": item["nsir"],
                    "narrative": item["narrative"],
                    "expected": {
                        "crime": bool(classes),
                        "classes": classes,
                        "evidence": item["evidence"],
                        "why": item["why"],
                    },
                }
            )
    for e in errs:
        print(e, file=sys.stderr)  # noqa: T201
    if errs:
        return 1
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    crimes = sum(1 for x in out if x["expected"]["crime"])  # type: ignore[index]
    print(f"wrote {OUT.name}: {len(out)} items, {crimes} crime, {len(out) - crimes} non-crime")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
