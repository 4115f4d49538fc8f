"""``session``, ``mark``, ``mark-all``, ``rate``, ``note``, ``record``: shop-floor capture."""

from __future__ import annotations

import argparse
from datetime import date, time

from ..core import attendance, notes, ratings, workshop_sessions
from ..core.cohorts import list_cohorts
from ..core.errors import UserError
from ..core.models import ATTENDANCE_STATUSES, NOTE_CATEGORIES
from ..core.rubric_choice import rubric_for_trainee
from ..core.store import Store
from ..core.time_and_hours import hours_text, moment_text
from ..core.trainee_record import trainee_record
from ..core.trainees import get_trainee, list_trainees
from . import date_argument, paper_commands
from .store_commands import open_store

# Larger would only overflow the database's integers; nobody lists more sessions than this.
MAX_COUNT = 1_000_000

# The one-letter keys of the Today area, and interchange.md's import codes.
STATUS_CODES = {
    "p": "present",
    "l": "late",
    "o": "left_early",
    "le": "left_early",
    "a": "absent",
    "e": "excused",
}


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{text} is not between 1 and {MAX_COUNT:,}")
    return value


# Only the reading of a number here: its range is the services' one check (core.record_values),
# the same for the window, the command line and every import.
def _minutes(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None


def _hours(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of hours") from None


def _time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 08:00") from None


def _status(text: str) -> str:
    value = text.strip().lower()
    value = STATUS_CODES.get(value, value.replace("-", "_").replace(" ", "_"))
    if value not in ATTENDANCE_STATUSES:
        raise UserError(
            f"Status {text!r} is not one of: {', '.join(ATTENDANCE_STATUSES)} (or P, L, O, A, E)"
        )
    return value


def _trainee_uid(store: Store, key: str) -> str:
    """A trainee by trainee ID (as on the roster) or by uid."""
    found = [t for t in list_trainees(store, key) if t.trainee_id == key]
    if found:
        return found[0].uid
    return get_trainee(store, key).uid


def _cohort_uid(store: Store, key: str) -> str:
    for c in list_cohorts(store, include_withdrawn=True):
        if key in (c.name, c.uid):
            return c.uid
    raise UserError(f"No cohort named {key!r}")


def _skill_uid(store: Store, trainee_uid: str, key: str) -> str:
    """The skill by code or id in the rubric the trainee is rated against."""
    rubric = rubric_for_trainee(store, trainee_uid)
    for sk in rubric.skills if rubric else ():
        if key in (sk.code, sk.uid):
            return sk.uid
    name = rubric.name if rubric else "no rubric"
    raise UserError(f"No skill {key!r} in the trainee's rubric ({name})")


def _run(args: argparse.Namespace, work) -> int:
    store = open_store(args)
    try:
        return work(store)
    finally:
        store.close()


def _session_create(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        s = workshop_sessions.create_session(
            store,
            held_on=args.date,
            start_time=args.start,
            end_time=args.end,
            location=args.location,
            module=args.module,
            task=args.task,
            cohort_uid=_cohort_uid(store, args.cohort),
        )
        print(s.uid)
        return 0

    return _run(args, work)


def _session_copy(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        print(workshop_sessions.copy_session(store, args.session, args.date).uid)
        return 0

    return _run(args, work)


def _session_list(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        for s in workshop_sessions.list_recent_sessions(store, args.limit):
            print(f"{s.uid}  {s.title}")
        return 0

    return _run(args, work)


def _session_roster(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        for r in attendance.session_roster(store, args.session):
            mark = r.mark
            state = (
                f"{mark.status:<10} {mark.minutes_late:>3} min {round(mark.hours, 2):>5g} h  {mark.note}"
                if mark
                else "unmarked"
            )
            # Approved leave: listed so the mentor sees why, but not expected.
            if r.on_leave:
                state = "on leave" if mark is None else f"{state}  (on leave)"
            print(f"{r.trainee_id:<12} {r.name:<24} {state}".rstrip())
        return 0

    return _run(args, work)


def _mark(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        row = attendance.mark(
            store,
            args.session,
            _trainee_uid(store, args.trainee),
            _status(args.status),
            minutes_late=args.late,
            hours=args.hours,
            note=args.note,
        )
        assert row.mark is not None
        print(f"{row.trainee_id} {row.name}: {row.mark.status}, {round(row.mark.hours, 2):g} h")
        return 0

    return _run(args, work)


def _mark_all(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        changed = attendance.mark_all_present(store, args.session)
        print(f"{len(changed)} marked present")
        return 0

    return _run(args, work)


def _rate(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        trainee = _trainee_uid(store, args.trainee)
        view = ratings.rate(
            store,
            trainee,
            _skill_uid(store, trainee, args.skill),
            args.level,
            rated_on=args.date,
            evidence=args.evidence,
            session_uid=args.session,
            role=args.role,
        )
        print(f"{args.skill}: level {view.level} on {view.rated_on}")
        return 0

    return _run(args, work)


def _note(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        notes.add_note(
            store,
            _trainee_uid(store, args.trainee),
            args.category,
            args.text,
            session_uid=args.session,
        )
        print("note saved")
        return 0

    return _run(args, work)


def _record(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        r = trainee_record(store, _trainee_uid(store, args.trainee), args.start, args.end)
        rate = r.attendance_rate
        print(f"{r.trainee.name} ({r.trainee.trainee_id}, {r.trainee.cohort})")
        e = r.expectation
        print(
            f"attendance rate {rate:.1%}" if rate is not None else "attendance rate —",
            f"over {e.recorded} recorded of {e.expected} expected sessions,",
            f"{e.unrecorded} unrecorded, {hours_text(r.figures.hours)}",
        )
        # Hours against the plan so far, said in a word (never only a colour or a figure).
        done = hours_text(r.figures.hours)
        if r.planned_hours:
            print(f"hours done {done} of {hours_text(r.planned_hours)} planned so far: {r.pace}")
        else:
            print(f"hours done {done}; {r.pace} for this period")
        for u in r.unrecorded:
            print(f"  unrecorded {u.held_on} {' · '.join(p for p in (u.module, u.task) if p)}")
        for h in r.skills:
            levels = " ".join(str(p.level) for p in h.points)
            print(f"  {h.code:<6} {h.name[:40]:<40} {levels}")
            # Each source's latest side by side; a composite only with its parts.
            sources = "  ".join(f"{role} {level}" for role, level in h.sources.items())
            if len(h.sources) > 1 or h.weights:
                print(f"         {sources}")
            if h.composite is not None:
                print(f"         composite: {h.composite.describe()}")
        for n in r.notes:
            print(f"  [{n.category}] {moment_text(n.written_at)} {n.text}")
        return 0

    return _run(args, work)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    session = sub.add_parser("session", help="workshop sessions: create, copy, list, roster")
    ss = session.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    p = ss.add_parser("create", parents=[common], help="create a session; prints its id")
    p.add_argument("--cohort", required=True, help="cohort name")
    p.add_argument("--date", type=date_argument, default=date.today(), help="default: today")
    p.add_argument("--start", type=_time, default=time(8, 0), help="default: 08:00")
    p.add_argument("--end", type=_time, default=time(16, 0), help="default: 16:00")
    p.add_argument("--location", default="")
    p.add_argument("--module", default="")
    p.add_argument("--task", default="")
    p.set_defaults(func=_session_create)
    p = ss.add_parser("copy", parents=[common], help="same session on another date")
    p.add_argument("session", help="session id")
    p.add_argument("--date", type=date_argument, default=date.today(), help="default: today")
    p.set_defaults(func=_session_copy)
    p = ss.add_parser("list", parents=[common], help="recent sessions, newest first")
    p.add_argument("--limit", type=_count, default=20)
    p.set_defaults(func=_session_list)
    p = ss.add_parser("roster", parents=[common], help="who is expected and how marked")
    p.add_argument("session", help="session id")
    p.set_defaults(func=_session_roster)
    paper_commands.register_session_actions(ss, common)

    p = sub.add_parser("mark", parents=[common], help="mark one trainee's attendance")
    p.add_argument("session", help="session id")
    p.add_argument("trainee", help="trainee ID or id")
    p.add_argument("status", help="present, late, left_early, absent, excused (or P L O A E)")
    p.add_argument("--late", type=_minutes, help="minutes late")
    p.add_argument("--hours", type=_hours, help="hours credited (default: length less lateness)")
    p.add_argument("--note")
    p.set_defaults(func=_mark)
    p = sub.add_parser("mark-all", parents=[common], help="mark every unmarked trainee present")
    p.add_argument("session", help="session id")
    p.set_defaults(func=_mark_all)

    p = sub.add_parser("rate", parents=[common], help="rate one skill of one trainee")
    p.add_argument("trainee", help="trainee ID or id")
    p.add_argument("skill", help="skill code (e.g. F-01) or id")
    p.add_argument("level", help="a level of the rubric's scale")
    p.add_argument("--session", help="session id (its date is the rating's date)")
    p.add_argument("--date", type=date_argument, help="default: the session's date, else today")
    p.add_argument("--evidence", help="what was seen (default: kept when correcting)")
    p.add_argument(
        "--role",
        help="whose view: mentor, supervisor, teacher, self, peer (default: your own role)",
    )
    p.set_defaults(func=_rate)

    p = sub.add_parser("note", parents=[common], help="add a note about a trainee")
    p.add_argument("trainee", help="trainee ID or id")
    p.add_argument("category", choices=NOTE_CATEGORIES)
    p.add_argument("text")
    p.add_argument("--session", help="session id")
    p.set_defaults(func=_note)

    p = sub.add_parser("record", parents=[common], help="a trainee's record over a period")
    p.add_argument("trainee", help="trainee ID or id")
    p.add_argument("--from", dest="start", type=date_argument)
    p.add_argument("--to", dest="end", type=date_argument)
    p.set_defaults(func=_record)
