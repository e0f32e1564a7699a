"""``make bench``: every benchmark, one table of ratios against same-run floors,
a scaling table for 1, 5 and 10 years, and a non-zero exit when over budget."""

from __future__ import annotations

import importlib
import sys

from benchmarks.common import Result, exit_code, print_table

# Each module has run() -> Result; a module not yet written is reported as missing.
BENCHMARKS = (
    "benchmarks.bench_startup",
    "benchmarks.bench_import",
    "benchmarks.bench_charts",
    "benchmarks.bench_report",
    "benchmarks.bench_save",
    "benchmarks.bench_memory",
    "benchmarks.bench_freeze",
)


def main() -> int:
    results: list[Result] = []
    missing = []
    for name in BENCHMARKS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            missing.append(name)
            continue
        print(f"running {name} …", file=sys.stderr, flush=True)
        results.append(module.run())
    print_table(results)
    for name in missing:
        print(f"MISSING  {name}")
    from benchmarks.scaling import print_scaling

    scaling_ok = print_scaling()
    return max(exit_code(results), 0 if scaling_ok and not missing else 1)


if __name__ == "__main__":
    sys.exit(main())
