"""``plan``, ``missing``, ``leave``: the work-study calendar from the command line."""

from __future__ import annotations

import argparse
from datetime import date, time
from pathlib import Path

from ..core import calendar_plan, days_off, expected, leave, planned_sessions, session_plan
from ..core.errors import UserError
from ..core.wording import user_text
from . import date_argument
from .capture_commands import _hours, _run, _time, _trainee_uid


def _print_block(b: calendar_plan.BlockView) -> None:
    hours = f"{b.planned_hours:g} h" if b.place == "plant" else ""
    print(f"{b.starts_on}  {b.ends_on}  {b.place:<6}  {b.days:>3} days  {hours:>8}  {b.uid}")


def _show(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        blocks = calendar_plan.list_blocks(store, args.cohort)
        if not blocks:
            print(f"{args.cohort}: no plan yet (mentordesk plan create {args.cohort!r} …)")
        for b in blocks:
            _print_block(b)
        week = session_plan.week_of(store, args.cohort)
        for slot in week:
            day = session_plan.WEEKDAYS[slot.weekday]
            print(f"week: {day} {slot.start:%H:%M}-{slot.end:%H:%M} {slot.location} {slot.module}")
        if blocks:
            off = days_off.list_days_off(store, blocks[0].starts_on, blocks[-1].ends_on)
            for d in off:
                print(f"off: {d.day} {d.kind} {d.label} {d.cohort or '(every cohort)'}  {d.uid}")
            total = sum(b.planned_hours for b in blocks)
            print(f"{len(blocks)} blocks, {total:g} planned practice hours")
        return 0

    return _run(args, work)


def _create(args: argparse.Namespace) -> int:
    if bool(args.pattern) == bool(args.place):
        raise UserError(user_text("Calendar", "Give either --pattern or --place"))

    def work(store) -> int:  # type: ignore[no-untyped-def]
        if args.pattern:
            made = calendar_plan.lay_out_plan(
                store,
                args.cohort,
                start=args.start,
                end=args.end,
                pattern=args.pattern,
                hours_per_day=args.hours_per_day,
            )
        else:
            made = [
                calendar_plan.add_block(
                    store,
                    args.cohort,
                    start=args.start,
                    end=args.end,
                    place=args.place,
                    planned_hours=args.hours if args.hours is not None else 0.0,
                )
            ]
        for b in made:
            _print_block(b)
        return 0

    return _run(args, work)


def _edit(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        if args.week:
            slots = [
                session_plan.SlotSpec(
                    day,
                    args.start_time,
                    args.end_time,
                    args.workshop,
                    args.topic,
                    args.task,
                    args.mentor,
                )
                for day in session_plan.parse_weekdays(args.week)
            ]
            session_plan.set_week(store, args.cohort, slots)
            print(f"{args.cohort}: week template of {len(slots)} sessions")
        if args.block and args.delete:
            calendar_plan.delete_block(store, args.block)
            print(f"block {args.block} deleted")
        elif args.block:
            fields: dict[str, object] = {}
            for name, value in (
                ("starts_on", args.start),
                ("ends_on", args.end),
                ("place", args.place),
                ("planned_hours", args.hours),
            ):
                if value is not None:
                    fields[name] = value
            _print_block(calendar_plan.edit_block(store, args.block, **fields))
        if args.holidays:
            path = Path(args.holidays)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise UserError(f"{path}: cannot read ({exc})") from None
            entries = days_off.parse_day_list(text, str(path))
            kind = "closure" if args.closure else "holiday"
            scope = args.cohort if args.closure else ""
            made = days_off.add_days_off(store, entries, kind=kind, cohort_key=scope)
            print(f"{len(made)} days off added ({len(entries) - len(made)} already there)")
        if args.remove_day_off:
            days_off.remove_day_off(store, args.remove_day_off)
            print(f"day off {args.remove_day_off} removed")
        if not (args.week or args.block or args.holidays or args.remove_day_off):
            raise UserError(
                "Nothing to change: give --block, --week, --holidays or --remove-day-off"
            )
        return 0

    return _run(args, work)


def _sessions(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        verb = "would add" if args.dry_run else "added"
        for changes in session_plan.plan_many_sessions(store, args.cohort, dry_run=args.dry_run):
            for day, start in changes.added:
                print(f"{changes.cohort}: {verb} {day} {start:%H:%M}")
            for day, start in changes.removed:
                gone = "would take away" if args.dry_run else "took away"
                print(f"{changes.cohort}: {gone} {day} {start or ''}")
            print(
                f"{changes.cohort}: {len(changes.added)} {verb}, {len(changes.removed)} taken "
                f"away, {changes.unchanged} unchanged"
            )
        return 0

    return _run(args, work)


def _upcoming(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        rows = planned_sessions.upcoming_sessions(store, args.cohort, args.since, args.limit)
        for r in rows:
            times = (
                f"{r.start_time:%H:%M}-{r.end_time:%H:%M}" if r.start_time and r.end_time else ""
            )
            state = "cancelled" if r.cancelled else ("planned" if r.planned else "by hand")
            print(f"{r.held_on}  {times:<11}  {state:<9}  {r.location}  {r.module}  {r.uid}")
        if not rows:
            print(f"{args.cohort}: no session from {args.since}")
        return 0

    return _run(args, work)


def _cancel(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        session_plan.cancel_session(store, args.session, cancelled=not args.undo)
        print(f"session {args.session} {'reinstated' if args.undo else 'cancelled'}")
        return 0

    return _run(args, work)


def _missing(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        rows = expected.missing_marks(store, cohort=args.cohort or "", since=args.since)
        for m in rows:
            print(
                f"{m.held_on}  {m.cohort}  {m.title}  {m.unrecorded} of {m.expected} unrecorded"
                f"  {m.session_uid}"
            )
        if not rows:
            print("No missing marks.")
        return 0

    return _run(args, work)


def _leave(args: argparse.Namespace) -> int:
    def work(store) -> int:  # type: ignore[no-untyped-def]
        trainee = _trainee_uid(store, args.trainee)
        if args.leave_command == "add":
            made = leave.add_leave(
                store,
                trainee,
                start=args.start,
                end=args.end,
                reason=args.reason,
                approved=not args.not_approved,
            )
            print(made.uid)
        else:
            for item in leave.list_leave(store, trainee):
                state = "approved" if item.approved else "not approved"
                print(f"{item.starts_on}  {item.ends_on}  {state}  {item.reason}  {item.uid}")
        return 0

    return _run(args, work)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    plan = sub.add_parser("plan", help="a cohort's work-study calendar and planned sessions")
    ps = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    p = ps.add_parser("show", parents=[common], help="blocks, week template, days off")
    p.add_argument("cohort", help="cohort name or id")
    p.set_defaults(func=_show)

    p = ps.add_parser("create", parents=[common], help="blocks from a pattern, or one block")
    p.add_argument("cohort", help="cohort name or id")
    p.add_argument("--from", dest="start", type=date_argument, required=True, help="first day")
    p.add_argument("--to", dest="end", type=date_argument, required=True, help="last day")
    p.add_argument("--pattern", help="e.g. '3w school, 1w plant', or 'weekdays' (all plant)")
    p.add_argument("--hours-per-day", type=_hours, default=calendar_plan.HOURS_PER_PLANT_DAY)
    p.add_argument("--place", choices=("school", "plant"), help="one block at this place")
    p.add_argument("--hours", type=_hours, help="planned practice hours of that block")
    p.set_defaults(func=_create)

    p = ps.add_parser("edit", parents=[common], help="a block, the week template, days off")
    p.add_argument("cohort", help="cohort name or id")
    p.add_argument("--block", help="the block's id (see plan show)")
    p.add_argument("--delete", action="store_true", help="delete that block")
    p.add_argument("--from", dest="start", type=date_argument, help="the block's new first day")
    p.add_argument("--to", dest="end", type=date_argument, help="the block's new last day")
    p.add_argument("--place", choices=("school", "plant"))
    p.add_argument("--hours", type=_hours, help="the block's planned practice hours")
    p.add_argument("--week", help="weekdays of the week template, e.g. 'mon-wed' or 'mon,thu'")
    p.add_argument("--start-time", type=_time, default=time(8), help="default 08:00")
    p.add_argument("--end-time", type=_time, default=time(12), help="default 12:00")
    p.add_argument("--workshop", default="", help="where the sessions are held")
    p.add_argument("--topic", default="", help="module or topic of the sessions")
    p.add_argument("--task", default="", help="task of the sessions")
    p.add_argument("--mentor", default="", help="staff id of the sessions' mentor")
    p.add_argument("--holidays", metavar="FILE", help="days off, one 'YYYY-MM-DD label' a line")
    p.add_argument("--closure", action="store_true", help="the days are this cohort's closures")
    p.add_argument("--remove-day-off", metavar="ID", help="a day off's id (see plan show)")
    p.set_defaults(func=_edit)

    p = ps.add_parser("sessions", parents=[common], help="make the plans' sessions")
    p.add_argument("cohort", nargs="+", help="cohort names or ids (all or none are made)")
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.set_defaults(func=_sessions)

    p = ps.add_parser("upcoming", parents=[common], help="a cohort's sessions from a day on")
    p.add_argument("cohort", help="cohort name or id")
    p.add_argument("--from", dest="since", type=date_argument, default=date.today())
    p.add_argument("--limit", type=int, default=planned_sessions.UPCOMING_LIMIT)
    p.set_defaults(func=_upcoming)

    p = ps.add_parser("cancel", parents=[common], help="a session that will not be held")
    p.add_argument("session", help="session id")
    p.add_argument("--undo", action="store_true", help="it is held after all")
    p.set_defaults(func=_cancel)

    p = sub.add_parser("missing", parents=[common], help="sessions with expected marks missing")
    p.add_argument("--cohort", help="one cohort (name or id)")
    p.add_argument("--since", type=date_argument, help=f"default: {expected.MISSING_DAYS} days ago")
    p.set_defaults(func=_missing)

    lv = sub.add_parser("leave", help="a trainee's approved leave (not expected attendance)")
    ls = lv.add_subparsers(dest="leave_command", metavar="ACTION", required=True)
    p = ls.add_parser("add", parents=[common], help="days away; prints the leave's id")
    p.add_argument("trainee", help="trainee ID or id")
    p.add_argument("--from", dest="start", type=date_argument, required=True)
    p.add_argument("--to", dest="end", type=date_argument, required=True)
    p.add_argument("--reason", default="")
    p.add_argument("--not-approved", action="store_true", help="asked for, not yet approved")
    p.set_defaults(func=_leave)
    p = ls.add_parser("list", parents=[common], help="a trainee's leave")
    p.add_argument("trainee", help="trainee ID or id")
    p.set_defaults(func=_leave)
