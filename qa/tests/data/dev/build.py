"""Build the development set from lines NSIR|crime|classes|narrative: batch*.txt -> dev_tune.json and
dev_holdout.json (a quarter by hash of the narrative, chosen before any tuning); holdout2.txt and
holdout3.txt -> dev_holdout2.json and dev_holdout3.json: holdout2 written before the first held-out
quarter's misses were read, holdout3 after the last tuning round; holdout3 was never tuned on.
fresh5.txt (written by the second pattern author before changing anything) -> dev_tune5.json and
dev_aside5.json by hash of the narrative (half each); the aside half is never read while tuning and is
scored once at the end. fresh6.txt (written by the third pattern author before changing anything for it)
-> dev_tune6.json and dev_aside6.json the same way."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main() -> None:
    tune: list[dict[str, Any]] = []
    holdout: list[dict[str, Any]] = []
    n = 0
    for path in sorted(HERE.glob("batch*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            code, crime, classes, narrative = line.split("|", 3)
            n += 1
            item = {
                "id": f"D{n:03d}",
                "nsir_code": code,
                "narrative": narrative,
                "expected": {
                    "crime": crime == "1",
                    "classes": [c for c in classes.split(",") if c],
                    "evidence": [],
                    "why": "",
                },
            }
            digest = int(hashlib.sha1(narrative.encode(), usedforsecurity=False).hexdigest(), 16)
            (holdout if digest % 4 == 0 else tune).append(item)
    for number, prefix in ((2, "H"), (3, "G")):
        fresh: list[dict[str, Any]] = []
        lines = (HERE / f"holdout{number}.txt").read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines, start=1):
            code, crime, classes, narrative = line.split("|", 3)
            fresh.append(
                {
                    "id": f"{prefix}{n:03d}",
                    "nsir_code": code,
                    "narrative": narrative,
                    "expected": {
                        "crime": crime == "1",
                        "classes": [c for c in classes.split(",") if c],
                        "evidence": [],
                        "why": "",
                    },
                }
            )
        out = HERE / f"dev_holdout{number}.json"
        out.write_text(json.dumps(fresh, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for number, prefix in ((5, "F"), (6, "K")):
        _halves(number, prefix)
    (HERE / "dev_tune.json").write_text(
        json.dumps(tune, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (HERE / "dev_holdout.json").write_text(
        json.dumps(holdout, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _halves(number: int, prefix: str) -> None:
    """fresh{number}.txt -> dev_tune{number}.json and dev_aside{number}.json, half each by a hash of the
    narrative (chosen before the screen read any of it)."""
    tune: list[dict[str, Any]] = []
    aside: list[dict[str, Any]] = []
    lines = (HERE / f"fresh{number}.txt").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, start=1):
        code, crime, classes, narrative = line.split("|", 3)
        item = {
            "id": f"{prefix}{n:03d}",
            "nsir_code": code,
            "narrative": narrative,
            "expected": {
                "crime": crime == "1",
                "classes": [c for c in classes.split(",") if c],
                "evidence": [],
                "why": "",
            },
        }
        digest = int(hashlib.sha1(narrative.encode(), usedforsecurity=False).hexdigest(), 16)
        (aside if digest % 2 else tune).append(item)
    for name, chosen in ((f"dev_tune{number}.json", tune), (f"dev_aside{number}.json", aside)):
        (HERE / name).write_text(json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
