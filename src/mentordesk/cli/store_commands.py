"""``demo``, ``backup``, ``restore``, ``check``: the store itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import backup as backups
from ..core.demo import load_demo
from ..core.store import Store
from ..paths import default_database


def open_store(args: argparse.Namespace) -> Store:
    return Store.open(args.db or default_database())


def _demo(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        counts = load_demo(store)
    finally:
        store.close()
    print("Demo loaded: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 0


def _backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        target = backups.backup(store, Path(args.file))
    finally:
        store.close()
    print(f"Backed up to {target}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    done = backups.restore(args.db or default_database(), Path(args.file))
    print(f"Restored {args.file} into {done.database}")
    if done.kept is not None:
        print(f"The database as it was before is kept as {done.kept}")
    return 0


def _check(args: argparse.Namespace) -> int:
    report = backups.check_target(args.db or default_database(), repair=args.repair)
    if report.ok:
        print(f"OK: integrity and references sound, schema {report.schema}")
        return 0
    for problem in report.problems:
        print(f"problem: {problem}")
    return 1


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="load demo data into an empty database")
    p.set_defaults(func=_demo)
    p = sub.add_parser("backup", parents=[common], help="copy the database to FILE, safely")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=_backup)
    p = sub.add_parser("restore", parents=[common], help="replace the database with backup FILE")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=_restore)
    p = sub.add_parser("check", parents=[common], help="check the database's integrity")
    p.add_argument(
        "--repair",
        action="store_true",
        help="first recompute what the database keeps from the records "
        "(attendance totals, latest skill ratings)",
    )
    p.set_defaults(func=_check)
