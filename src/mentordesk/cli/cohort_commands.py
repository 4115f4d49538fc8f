"""``mentordesk cohort rules|check`` and ``mentordesk trainee show|edit``: on-the-job entry
rules and the hire date and post they are judged on."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from ..core import entry_rules
from ..core.errors import UserError
from ..core.models import Trainee
from ..core.store import Store
from ..core.text import for_terminal
from ..core.trainees import get_trainee, update_trainee
from ..core.wording import user_text
from .store_commands import open_store


def _print_rules(rules: entry_rules.EntryRules) -> None:
    years = "—" if rules.min_years is None else str(rules.min_years)
    posts = ", ".join(rules.posts) or "—"
    print(for_terminal(f"{rules.cohort}  min years: {years}  posts: {posts}"))
    if rules.any:
        print(
            user_text(
                "EntryRules", "Advice for HR: a trainee who does not meet them is not refused."
            )
        )


def _cohort(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.action == "rules":
            changing = args.clear or args.min_years is not None or args.posts is not None
            if changing:
                posts = None if args.posts is None else args.posts.split(",")
                rules = entry_rules.set_rules(
                    store, args.cohort, min_years=args.min_years, posts=posts, clear=args.clear
                )
            else:
                rules = entry_rules.get_rules(store, args.cohort)
            _print_rules(rules)
            return 0
        rules = entry_rules.get_rules(store, args.cohort)
        if not rules.any:
            print(
                user_text("EntryRules", "Cohort {cohort!r} sets no entry rules").format(
                    cohort=rules.cohort
                )
            )
            return 0
        verdicts = entry_rules.check_cohort(store, args.cohort)
        for v in verdicts:
            mark = "meets" if v.verdict.meets else "does not meet"
            hired = v.hire_date.isoformat() if v.hire_date else "—"
            print(
                for_terminal(
                    f"{v.trainee_id}  {v.name}  {hired}  {v.post or '—'}  {mark}"
                    + ("" if v.verdict.meets else f": {v.verdict.reason}")
                )
            )
        meet = sum(v.verdict.meets for v in verdicts)
        print(
            user_text("EntryRules", "{meet} of {total} meet the entry rules").format(
                meet=meet, total=len(verdicts)
            )
        )
        return 0
    finally:
        store.close()


def _trainee_uid(store: Store, key: str) -> str:
    with store.read() as s:
        uid = s.scalar(
            select(Trainee.uid).where(
                (Trainee.trainee_id == key) | (Trainee.uid == key), Trainee.deleted.is_(False)
            )
        )
    if uid is None:
        raise UserError(user_text("EntryRules", "No trainee with ID {id}").format(id=key))
    return uid


def _trainee(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        uid = _trainee_uid(store, args.trainee)
        if args.action == "edit":
            # The hire date goes to the service as typed ("" clears it), checked by it again.
            fields = {
                k: v
                for k, v in {"hire_date": args.hire_date, "post": args.post}.items()
                if v is not None
            }
            t = update_trainee(store, uid, **fields)
        else:
            t = get_trainee(store, uid)
        hired = t.hire_date.isoformat() if t.hire_date else "—"
        print(
            for_terminal(f"{t.trainee_id}  {t.name}  {hired}  {t.post or '—'}  {t.cohort or '—'}")
        )
        # As the trainee list judges them: active trainees of cohorts that set rules.
        verdict = entry_rules.verdicts_by_uid(store).get(t.uid)
        if verdict is not None:
            said = (
                user_text("EntryRules", "meets the entry rules of {cohort}")
                if verdict.meets
                else user_text("EntryRules", "does not meet the entry rules of {cohort}: {reason}")
            )
            print(for_terminal(said.format(cohort=t.cohort, reason=verdict.reason)))
        return 0
    finally:
        store.close()


def _hire_date(text: str) -> str:
    """``--hire-date``: refused as a usage error by the service's own check (unreadable, in
    the future), the one the window and the roster import use too."""
    try:
        entry_rules.hire_date_value(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _years(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of years") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cohort = sub.add_parser("cohort", help="cohorts: on-the-job entry rules")
    actions = cohort.add_subparsers(dest="action", required=True)
    p = actions.add_parser("rules", parents=[common], help="show or set a cohort's entry rules")
    p.add_argument("cohort")
    p.add_argument("--min-years", type=_years, help="years of service at the cohort's start")
    p.add_argument("--posts", help='posts admitted, comma-separated: "A,B"')
    p.add_argument("--clear", action="store_true", help="remove the rules (before setting any)")
    p.set_defaults(func=_cohort)
    p = actions.add_parser("check", parents=[common], help="who meets the entry rules")
    p.add_argument("cohort")
    p.set_defaults(func=_cohort)
    trainee = sub.add_parser("trainee", help="trainees: hire date and post")
    actions = trainee.add_subparsers(dest="action", required=True)
    p = actions.add_parser(
        "show", parents=[common], help="a trainee's cohort, hire date, post and entry verdict"
    )
    p.add_argument("trainee", help="trainee ID")
    p.set_defaults(func=_trainee)
    p = actions.add_parser("edit", parents=[common], help="set a trainee's hire date or post")
    p.add_argument("trainee", help="trainee ID")
    p.add_argument(
        "--hire-date", type=_hire_date, help='YYYY-MM-DD, not after today ("" clears it)'
    )
    p.add_argument("--post", help='the post as HR names it ("" clears it)')
    p.set_defaults(func=_trainee)
