"""``mentordesk programme …`` and ``mentordesk staff …``: the programmes cohorts belong to and
the people who train them."""

from __future__ import annotations

import argparse

from ..core import programmes, rater_roles, staff
from ..core.errors import UserError
from ..core.store import Store
from ..core.text import for_terminal
from . import date_argument
from .store_commands import open_store

# Roles as people say them on the command line, to the stored keys.
ROLE_WORDS = {"mentor": "mentor", "supervisor": "supervisor", "teacher": "teacher"}
ROLE_WORDS |= {"coordinator": "coordinator", "hr": "hr"}


def _line(*parts: object) -> str:
    return for_terminal(
        "  ".join(str(p) for p in parts if p not in (None, "")), keep_newlines=False
    )


def _programme_uid(store: Store, key: str) -> str:
    for p in programmes.list_programmes(store, include_withdrawn=True):
        if key in (p.uid, p.name):
            return p.uid
    raise UserError(f"No programme named {key!r}")


def _programme(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.action == "list":
            for p in programmes.list_programmes(store, args.search or ""):
                dates = f"{p.start_date or ''}–{p.end_date or ''}".strip("–")
                print(_line(p.name, p.kind or "(kind not set)", p.school, p.enterprise, dates))
            return 0
        fields = {
            k: v
            for k, v in {
                "school": args.school,
                "enterprise": args.enterprise,
                "kind": args.kind,
                "start_date": args.start,
                "end_date": args.end,
                "description": args.description,
            }.items()
            if v is not None
        }
        if args.action == "create":
            p = programmes.create_programme(store, args.name, **fields)
        else:
            if args.rename:
                fields["name"] = args.rename
            uid = _programme_uid(store, args.name)
            if args.weights is not None:
                # Checked before anything else changes: refused weights change nothing.
                rater_roles.parse_weights(args.weights)
            p = programmes.update_programme(store, uid, **fields)
            if args.weights is not None:
                weights = rater_roles.set_programme_weights(store, uid, args.weights)
                print(f"composite weights: {rater_roles.format_weights(weights) or 'none'}")
        print(_line(p.name, p.kind or "(kind not set)", p.school, p.enterprise))
        return 0
    finally:
        store.close()


def _staff_uid(store: Store, key: str) -> str:
    found = [
        p.uid for p in staff.list_staff(store, include_withdrawn=True) if key in (p.uid, p.name)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(f"{len(found)} staff members are named {key!r}; give the id")
    raise UserError(f"No staff member named {key!r}")


def _staff(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.action == "list":
            for p in staff.list_staff(store, args.search or ""):
                cohorts = ", ".join(p.cohorts)
                print(_line(p.name, p.role, p.organisation, p.email, p.phone, cohorts, p.uid))
            return 0
        fields = {
            k: v
            for k, v in {
                "role": args.role,
                "organisation": args.organisation,
                "email": args.email,
                "phone": args.phone,
            }.items()
            if v is not None
        }
        if args.action == "add":
            p = staff.create_staff(store, args.name, cohorts=args.cohort or (), **fields)
        else:
            if args.rename:
                fields["name"] = args.rename
            uid = _staff_uid(store, args.name)
            p = staff.update_staff(store, uid, cohorts=args.cohort, **fields)
        print(_line(p.name, p.role, p.organisation, ", ".join(p.cohorts), p.uid))
        return 0
    finally:
        store.close()


def _role(text: str) -> str:
    role = ROLE_WORDS.get(text.strip().lower())
    if role is None:
        raise argparse.ArgumentTypeError(f"role {text!r} is not one of: {', '.join(ROLE_WORDS)}")
    return role


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    programme = sub.add_parser("programme", help="programmes: order classes and other schemes")
    actions = programme.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=[common], help="list programmes")
    p.add_argument("--search")
    for action in ("create", "edit"):
        p = actions.add_parser(action, parents=[common], help=f"{action} a programme")
        p.add_argument("name", help="programme name" + (" or id" if action == "edit" else ""))
        if action == "edit":
            p.add_argument("--rename", help="new name")
            p.add_argument(
                "--weights",
                help="composite grade per rater role, summing to 100: mentor=50,teacher=30,self=20"
                ' ("" for none)',
            )
        p.add_argument(
            "--kind", help="order_class, commissioned, … or its Chinese name (订单班, 委托培养, …)"
        )
        p.add_argument("--school")
        p.add_argument("--enterprise")
        p.add_argument("--start", type=date_argument, help="start date")
        p.add_argument("--end", type=date_argument, help="end date")
        p.add_argument("--description")
        p.set_defaults(func=_programme)
    p = actions.choices["list"]
    p.set_defaults(func=_programme)

    people = sub.add_parser("staff", help="mentors, supervisors, teachers, coordinators, HR")
    actions = people.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=[common], help="list staff")
    p.add_argument("--search", help="name, pinyin, role or organisation")
    p.set_defaults(func=_staff)
    for action in ("add", "edit"):
        p = actions.add_parser(action, parents=[common], help=f"{action} a staff member")
        p.add_argument("name", help="name" + (" or id" if action == "edit" else ""))
        if action == "edit":
            p.add_argument("--rename", help="new name")
        p.add_argument("--role", type=_role, help=", ".join(ROLE_WORDS))
        p.add_argument("--organisation")
        p.add_argument("--email")
        p.add_argument("--phone")
        p.add_argument(
            "--cohort",
            action="append",
            help="a cohort they work with (repeat for more; on edit, replaces the list)",
        )
        p.set_defaults(func=_staff)
