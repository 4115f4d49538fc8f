"""``python -m bench [--quick] [--json] [--only AREA]``: every benchmark, one table.

Each ``bench/bench_<area>.py`` module's ``run(dataset, quick)`` is found by its file name, so a
new benchmark joins by existing. A module that fails shows as a row with its error; the others
still run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
import time
import traceback
from pathlib import Path

from .dataset import build_dataset
from .figures import Figure

HERE = Path(__file__).resolve().parent


def modules() -> list[str]:
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def _error_row(name: str, exc: BaseException) -> dict:
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" ({Path(last[0].filename).name}:{last[0].lineno})" if last else ""
    return {
        "figure": f"{name}: FAILED",
        "value": None,
        "unit": "",
        "baseline": None,
        "ratio": None,
        "target": None,
        "met": False,
        "error": f"{type(exc).__name__}: {exc}{where}",
    }


def collect(quick: bool, only: list[str] | None = None, log=sys.stderr) -> list[dict]:
    began = time.perf_counter()
    dataset = build_dataset(quick=quick)
    print(f"dataset {dataset.name} ready in {time.perf_counter() - began:.1f} s", file=log)
    rows: list[dict] = []
    for name in modules():
        if only and not any(o in name for o in only):
            continue
        began = time.perf_counter()
        try:
            figures: list[Figure] = importlib.import_module(f"bench.{name}").run(dataset, quick)
            rows += [f.as_json() for f in figures]
        except Exception as exc:  # a broken benchmark is a row in the table, not the end of it
            rows.append(_error_row(name, exc))
        print(f"{name}: {time.perf_counter() - began:.1f} s", file=log)
    return rows


def _number(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def table(rows: list[dict]) -> str:
    head = ("figure", "value", "unit", "baseline", "ratio", "target", "met")
    cells = []
    for r in rows:
        met = {True: "yes", False: "NO", None: ""}[r["met"]]
        target = r["target"] if isinstance(r["target"], str) else _number(r["target"])
        cells.append(
            (
                r["figure"],
                r.get("error") or _number(r["value"]),
                r["unit"],
                _number(r["baseline"]),
                _number(r["ratio"]),
                target,
                met,
            )
        )
    widths = [max(len(str(c[i])) for c in [head, *cells]) for i in range(len(head))]
    right = {1, 3, 4}
    lines = []
    for c in [head, *cells]:
        lines.append(
            "  ".join(
                str(v).rjust(w) if i in right else str(v).ljust(w)
                for i, (v, w) in enumerate(zip(c, widths, strict=True))
            ).rstrip()
        )
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


RECORDED = HERE / "RESULTS.json"
# A ratio this much worse than the last recorded full run's needs a line in RESULTS.md.
SLOWER = 1.10


def _recorded() -> list[dict]:
    try:
        return json.loads(RECORDED.read_text())
    except (OSError, ValueError):
        return []


def regressions(rows: list[dict], before: list[dict]) -> str:
    """The figures whose ratio to their same-run baseline grew by more than 10%."""
    old = {r["figure"]: r["ratio"] for r in before if r.get("ratio")}
    worse = [
        f"  {r['figure']}: {old[r['figure']]:.3g} -> {r['ratio']:.3g}"
        for r in rows
        if r.get("ratio") and old.get(r["figure"]) and r["ratio"] > old[r["figure"]] * SLOWER
    ]
    if not before:
        return f"No recorded full run to compare with ({RECORDED.name}: run with --record)."
    if not worse:
        return "No ratio is more than 10% worse than the last recorded full run's."
    return "More than 10% worse than the last recorded full run (say why in RESULTS.md):\n" + (
        "\n".join(worse)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller dataset, fewer repeats")
    parser.add_argument("--json", action="store_true", help="print the rows as a JSON list")
    parser.add_argument("--only", action="append", help="run only modules whose name has this")
    parser.add_argument(
        "--record",
        action="store_true",
        help=f"keep this full run's figures in {RECORDED.name}, for later runs to compare with",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    rows = collect(args.quick, args.only)
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    else:
        print(table(rows))
        print(f"\n{len(rows)} figures in {time.perf_counter() - began:.0f} s")
        if not args.quick:
            print(regressions(rows, _recorded()))
    if args.record and not args.quick and not args.only:
        RECORDED.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    # A missed target is a finding; a benchmark that could not run is a failure.
    return 1 if any("error" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
