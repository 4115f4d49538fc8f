"""``assessment list|set|sign|amend``: the Assessments area's actions, from the command line.

The same services as the window (core.assessments, exchange.signing). Without ``--from`` and
``--to``, a command takes the trainee's newest live assessment; ``set`` drafts one for the
window's default period (first of this month to today) when the trainee has none.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..core import assessment_signing, assessment_views, assessments
from ..core.drawn_signature import drawn_signature
from ..core.errors import UserError
from ..core.private_files import write_whole
from ..core.store import Store
from ..exchange.acknowledgement_stamp import acknowledge_with_file
from . import date_argument
from .capture_commands import _trainee_uid
from .sheet_commands import _load_signer
from .store_commands import open_store


def _run(args: argparse.Namespace, work) -> int:
    store = open_store(args)
    try:
        return int(work(store) or 0)
    finally:
        store.close()


def _period(args: argparse.Namespace) -> tuple[date, date] | None:
    start, end = getattr(args, "from"), args.to
    if start is None and end is None:
        return None
    end = end or date.today()
    return start or end.replace(day=1), end


def _live(store: Store, args: argparse.Namespace, *, draft: bool) -> assessments.AssessmentView:
    """The trainee's live assessment (of the period given), drafted when ``draft`` allows."""
    trainee = _trainee_uid(store, args.trainee)
    period = _period(args)
    found = [
        v
        for v in assessments.list_assessments(store, trainee_uid=trainee, overlapping=period)
        if v.state != "superseded" and (period is None or (v.period_start, v.period_end) == period)
    ]
    if found:
        return found[0]
    if not draft:
        raise UserError(f"{args.trainee} has no assessment to act on; use 'assessment set' first")
    if period is None:
        today = date.today()
        period = (today.replace(day=1), today)
    return assessments.create_draft(store, trainee, *period)


def _line(v: assessments.AssessmentView) -> str:
    signed = f"{v.signed_at:%Y-%m-%d} {v.signed_by}" if v.signed_at else "-"
    return (
        f"{v.trainee_id}  {v.trainee_name}  {v.period_start} – {v.period_end}  v{v.version}"
        f"  {v.state}  {v.result or '-'}  {signed}"
    )


def _list(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        rows = assessments.list_assessments(store, cohort=args.cohort, state=args.state)
        for v in rows:
            print(_line(v))
        if not rows:
            print("No assessments")
        return 0

    return _run(args, work)


def _set(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        view = _live(store, args, draft=True)
        values = {
            key: getattr(args, key)
            for key in assessments.EDITABLE
            if getattr(args, key) is not None
        }
        view = assessments.update_draft(store, view.uid, **values)
        print(_line(view))
        return 0

    return _run(args, work)


def _sign(args: argparse.Namespace) -> int:
    from ..exchange.signing import sign_assessment

    def work(store: Store) -> int:
        view = _live(store, args, draft=False)
        if view.state != "draft":
            raise UserError(
                f"The assessment of {view.trainee_name} is already {view.state}; amend it first"
            )
        if not view.result:
            raise UserError(f"Choose a result for {view.trainee_name} before signing")
        signer = _load_signer(args.passphrase_file)
        signed = sign_assessment(store, view.uid, signer, drawn_signature(store))
        print(_line(signed))
        if args.out:
            pdf = assessments.latest_document(store, signed.uid)
            assert pdf is not None
            print(f"Signed sheet written to {write_whole(Path(args.out), pdf)}")
        else:
            print("The signed sheet is kept in the database (write it out with --out FILE)")
        return 0

    return _run(args, work)


def _amend(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        view = _live(store, args, draft=False)
        new = assessment_signing.amend(store, view.uid, args.reason)
        print(_line(new))
        print(f"Version {new.version} drafted; it supersedes version {view.version} ({view.uid})")
        return 0

    return _run(args, work)


def _acknowledge(args: argparse.Namespace) -> int:
    def work(store: Store) -> int:
        view = _live(store, args, draft=False)
        ack = acknowledge_with_file(store, view.uid, args.name, args.signature_png)
        print(
            f"{view.trainee_id}  {view.trainee_name}: acknowledged by {ack.name}"
            f" on {ack.at:%Y-%m-%d %H:%M} UTC at {ack.device}; stamped when the mentor signs"
        )
        return 0

    return _run(args, work)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    period = argparse.ArgumentParser(add_help=False)
    period.add_argument("--from", type=date_argument, metavar="YYYY-MM-DD")
    period.add_argument("--to", type=date_argument, metavar="YYYY-MM-DD")
    p = sub.add_parser("assessment", parents=[common], help="list, fill, sign, amend assessments")
    asub = p.add_subparsers(dest="assessment_command", metavar="ACTION", required=True)

    c = asub.add_parser("list", parents=[common], help="assessments with state and result")
    c.add_argument("--cohort")
    c.add_argument("--state", choices=assessment_views.STATE_WORDS)
    c.set_defaults(func=_list)

    c = asub.add_parser("set", parents=[common, period], help="fill a draft", allow_abbrev=False)
    c.add_argument("trainee", metavar="TRAINEE")
    c.add_argument("--result")
    c.add_argument("--strengths")
    c.add_argument("--improvements")
    c.add_argument("--comment")
    c.set_defaults(func=_set)

    c = asub.add_parser(
        "sign", parents=[common, period], help="sign and lock a draft", allow_abbrev=False
    )
    c.add_argument("trainee", metavar="TRAINEE")
    c.add_argument("--passphrase-file", metavar="FILE")
    c.add_argument("--out", metavar="FILE.pdf", help="also write the signed sheet here")
    c.set_defaults(func=_sign)

    c = asub.add_parser(
        "acknowledge",
        parents=[common, period],
        help="the trainee's acknowledgement of the draft: name and drawn signature (no key)",
        allow_abbrev=False,
    )
    c.add_argument("trainee", metavar="TRAINEE")
    c.add_argument("--name", required=True, help="the trainee's name as they give it")
    c.add_argument("--signature-png", required=True, metavar="FILE", type=Path)
    c.set_defaults(func=_acknowledge)

    c = asub.add_parser("amend", parents=[common, period], help="new draft version of a signed one")
    c.add_argument("trainee", metavar="TRAINEE")
    c.add_argument("--reason", required=True)
    c.set_defaults(func=_amend)
