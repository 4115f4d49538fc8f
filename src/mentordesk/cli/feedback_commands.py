"""``feedback``: the report to the school, the mentor's suggestions and the school's reply.

    mentordesk feedback COHORT OUT.pdf [--from D --to D] [--language both|en|zh_CN]
    mentordesk feedback suggest COHORT --text T [--from D --to D]
    mentordesk feedback reply COHORT --text T [--by NAME] [--from D --to D]
    mentordesk feedback show COHORT [--from D --to D]

The report is the default action (``feedback report COHORT OUT.pdf`` says it explicitly, for a
cohort that happens to be named like an action).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import UserError
from ..core.feedback import FeedbackView
from ..core.store import Store
from ..core.wording import user_text
from . import date_argument
from .store_commands import open_store

ACTIONS = ("report", "suggest", "reply", "show")
LANGUAGES = ("both", "en", "zh_CN")


def _words(args: argparse.Namespace) -> tuple[str, str, str | None]:
    """(action, cohort, out) from the positionals, the action being optional."""
    words = [w for w in (args.first, args.second, args.third) if w is not None]
    action = words.pop(0) if words[0] in ACTIONS else "report"
    if not words:
        raise UserError(
            user_text("Feedback", "Name the cohort: mentordesk feedback {action} COHORT").format(
                action=action
            )
        )
    cohort, rest = words[0], words[1:]
    if action == "report":
        if len(rest) != 1:
            raise UserError(
                user_text("Feedback", "Name the PDF to write: mentordesk feedback COHORT OUT.pdf")
            )
        return action, cohort, rest[0]
    if rest:
        raise UserError(
            user_text(
                "Feedback", "feedback {action} takes one cohort; {extra!r} is one word too many"
            ).format(action=action, extra=rest[0])
        )
    if action in ("suggest", "reply") and args.text is None:
        raise UserError(
            user_text("Feedback", 'feedback {action} needs the text: --text "…"').format(
                action=action
            )
        )
    return action, cohort, None


def _run(args: argparse.Namespace) -> int:
    action, cohort, out = _words(args)
    store: Store = open_store(args)
    try:
        if action == "report":
            # Imported here: reportlab and the font load only when a report is made.
            from ..exchange.feedback_report import write_feedback_report

            written = write_feedback_report(
                store, cohort, Path(out or ""), args.start, args.end, language=args.language
            )
            print(
                user_text("Feedback", "Feedback report written: {path} (pages: {pages})").format(
                    path=written.path, pages=written.pages
                )
            )
            return 0
        from ..core import feedback

        if action == "suggest":
            view = feedback.write_suggestions(store, cohort, args.text, args.start, args.end)
            print(
                user_text("Feedback", "Suggestions recorded for {cohort}").format(
                    cohort=view.cohort
                )
            )
        elif action == "reply":
            view = feedback.write_reply(
                store, cohort, args.text, args.start, args.end, replied_by=args.by or ""
            )
            print(
                user_text("Feedback", "The school's reply recorded for {cohort}").format(
                    cohort=view.cohort
                )
            )
        else:
            view = feedback.feedback_for(store, cohort, args.start, args.end)
            _show(view)
    finally:
        store.close()
    return 0


def _show(view: FeedbackView) -> None:
    period = f"{view.start or '…'} – {view.end or '…'}"
    print(f"{view.cohort}  {period}")
    print(user_text("Feedback", "Suggestions ({who}):").format(who=view.written_by or "—"))
    print(view.suggestions or "—")
    when = f"{view.replied_at:%Y-%m-%d}" if view.replied_at else "—"
    print(
        user_text("Feedback", "School reply ({who}, {when}):").format(
            who=view.replied_by or "—", when=when
        )
    )
    print(view.reply or "—")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "feedback",
        parents=[common],
        help="feedback to the school: the report (PDF), suggestions, the school's reply",
        description="mentordesk feedback COHORT OUT.pdf writes the report; "
        "feedback suggest COHORT --text T records the mentor's suggestions; "
        "feedback reply COHORT --text T records the school's reply; "
        "feedback show COHORT prints both.",
    )
    p.add_argument("first", metavar="[report|suggest|reply|show] COHORT")
    p.add_argument("second", nargs="?", help=argparse.SUPPRESS)
    p.add_argument("third", nargs="?", metavar="OUT.pdf", help="the report's PDF file")
    p.add_argument("--from", dest="start", type=date_argument, metavar="D", help="period start")
    p.add_argument("--to", dest="end", type=date_argument, metavar="D", help="period end")
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        default="both",
        help="the report's own words: English and Chinese side by side (default), or one",
    )
    p.add_argument("--text", metavar="T", help="the suggestions or the reply")
    p.add_argument("--by", metavar="NAME", help="who replied (default: the local user)")
    p.set_defaults(func=_run)
