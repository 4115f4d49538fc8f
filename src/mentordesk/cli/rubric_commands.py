"""``mentordesk rubric …``, ``mentordesk post …`` and ``mentordesk readiness …``: layered
rubrics, the posts they train for, and who is ready for which post."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import UserError
from ..core.posts import get_post, list_posts, newest_versions, posts_for_trainee
from ..core.readiness import ReadinessMatrix, cohort_matrix, trainee_readiness
from ..core.rubric_text import post_in, rubric_in
from ..core.rubrics import PostView, RubricView, get_rubric, list_rubrics
from ..core.store import Store
from ..core.text import for_terminal
from .store_commands import open_store

LAYER_NAMES = {"foundation": "Foundation layer", "direction": "Direction layer", "job": "Job layer"}


def _line(*parts: object) -> str:
    return for_terminal(
        "  ".join(str(p) for p in parts if p not in (None, "")), keep_newlines=False
    )


def _rubric(store: Store, key: str, version: int | None) -> RubricView:
    """A rubric by uid, or by name (English or Chinese): its newest version or the one given."""
    every = list_rubrics(store, include_withdrawn=True)
    for r in every:
        if r.uid == key:
            return r
    named = [r for r in every if key in (r.name, r.name_zh)]
    if version is not None:
        named = [r for r in named if r.version == version]
    if not named:
        which = f" version {version}" if version is not None else ""
        raise UserError(f"No rubric named {key!r}{which}")
    return named[0]


def _show_rubric(r: RubricView) -> list[str]:
    out = [_line(r.name, f"version {r.version}", r.programme, r.uid)]
    out.append("Levels: " + "; ".join(f"{lv.level} {lv.label}" for lv in r.levels))
    skills = {sk.module: [s for s in r.skills if s.module == sk.module] for sk in r.skills}
    for m in r.layers:
        builds = f"(builds on {m.builds_on})" if m.builds_on else ""
        out.append(_line(f"{LAYER_NAMES.get(m.layer, m.layer)}:", m.name, builds))
        for sk in skills.pop(m.name, []):
            out.append(_line("  ", sk.code, sk.name))
    for module, rest in skills.items():  # a rubric without layers, or a skill outside them
        out.append(_line("Module:", module or "-"))
        out += [_line("  ", sk.code, sk.name) for sk in rest]
    for p in r.posts:
        out.append(_show_post(p))
    return out


def _show_post(p: PostView) -> str:
    targets = ", ".join(f"{t.code} {t.target}" for t in p.targets)
    return _line("Post:", p.name, f"({len(p.targets)} skills: {targets})")


def _rubric_command(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    store = open_store(args)
    try:
        if args.action == "list":
            rubrics = list_rubrics(store, args.search or "", include_withdrawn=args.all)
            if not args.all:
                rubrics = newest_versions(rubrics)
            for r in rubrics:
                r = rubric_in(r, args.lang)
                print(
                    _line(
                        r.name,
                        f"v{r.version}",
                        r.programme,
                        f"{len(r.skills)} skills",
                        f"{len(r.posts)} posts",
                        r.uid,
                    )
                )
            return 0
        for line in _show_rubric(rubric_in(_rubric(store, args.rubric, args.version), args.lang)):
            print(line)
        return 0
    finally:
        store.close()


class _DryRun(Exception):
    """Rolls the dry run's transaction back once the rubric was checked against the store."""


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.suffix.lower() != ".json":
        from ..exchange.workbook_import import prepare_import

        prepared = prepare_import(path)
        if prepared.kind != "rubric":
            raise UserError(f"{path.name}: no Skills sheet; a rubric file is .json or a workbook")
        store = open_store(args)
        try:
            report = prepared.dry_run(store) if args.dry_run else prepared.apply(store)
        finally:
            store.close()
        for line in report.lines(everything=False):
            print(line)
        return 0
    from dataclasses import replace

    from ..core.rubric_files import read_rubric_file
    from ..core.rubric_layers import write_version

    spec = read_rubric_file(path)
    if args.programme is not None:
        spec = replace(spec, programme=args.programme)
    store = open_store(args)
    try:
        try:
            with store.write() as s:
                uid = write_version(store, s, spec).uid
                if args.dry_run:
                    raise _DryRun
        except _DryRun:
            version = spec.version or "next"
            print(_line(f"{path.name}: {spec.name} version {version} is valid", "(dry run)"))
            return 0
        for line in _show_rubric(get_rubric(store, uid))[:1]:
            print(_line("Imported:", line))
        return 0
    finally:
        store.close()


def _post_command(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.action == "list":
            for p in list_posts(store, args.search or "", every_version=args.all):
                p = post_in(p, args.lang)
                print(_line(p.name, f"{len(p.targets)} skills", p.uid))
            return 0
        p = get_post(store, args.post)
        rubric = rubric_in(get_rubric(store, p.rubric_uid), args.lang)
        names = {sk.code: sk.name for sk in rubric.skills}
        print(_line(post_in(p, args.lang).name, f"{rubric.name} v{rubric.version}", p.uid))
        for t in p.targets:
            print(_line("  ", t.code, names.get(t.code, ""), f"target {t.target}"))
        return 0
    finally:
        store.close()


def _trainee_uid(store: Store, key: str) -> str:
    from ..core.trainees import get_trainee, list_trainees

    found = [t for t in list_trainees(store, key) if key in (t.trainee_id, t.name)]
    if len(found) == 1:
        return found[0].uid
    if found:
        raise UserError(f"{len(found)} trainees are named {key!r}; give the trainee ID")
    return get_trainee(store, key).uid


def _matrix_lines(m: ReadinessMatrix) -> list[str]:
    head = [f"{c.code}>={c.target}" for c in m.columns]
    out = [
        _line(f"{m.post} — {m.cohort}", f"({len(m.rows)} trainees)"),
        _line("Trainee ID", "Name", *head, "At target"),
    ]
    for row in m.rows:
        cells = ["-" if lv is None else str(lv) + ("" if g == 0 else f"(-{g})")
                 for lv, g in zip(row.levels, row.gaps, strict=True)]  # fmt: skip
        out.append(
            _line(row.trainee_id, row.name, *cells, f"{row.at_target}/{len(m.columns)} at target")
        )
    return out


def _readiness(args: argparse.Namespace) -> int:
    if bool(args.trainee) == bool(args.cohort):
        raise UserError("Give a trainee, or --cohort, not both")
    store = open_store(args)
    try:
        if args.trainee:
            if args.out:
                raise UserError("--out prints a cohort's matrix: give --cohort, not a trainee")
            uid = _trainee_uid(store, args.trainee)
            posts = [get_post(store, args.post)] if args.post else posts_for_trainee(store, uid)
            if not posts:
                raise UserError("No rubric in use names a post: import a rubric with posts")
            for p in posts:
                r = trainee_readiness(store, uid, p.uid, args.lang)
                print(_line(r.trainee, str(r.sentence())))
            return 0
        posts = [get_post(store, args.post)] if args.post else _cohort_posts(store, args.cohort)
        if args.out:
            return _write_matrix(store, args, posts)
        for p in posts:
            for line in _matrix_lines(cohort_matrix(store, args.cohort, p.uid, args.lang)):
                print(line)
        return 0
    finally:
        store.close()


def _write_matrix(store: Store, args: argparse.Namespace, posts: list[PostView]) -> int:
    """The cohort's matrix of one post printed (.pdf) or exported (.xlsx) to ``--out``."""
    from ..exchange.readiness_matrix import write_readiness_matrix

    if len(posts) != 1:
        names = ", ".join(p.name for p in posts)
        raise UserError(f"The cohort trains for {len(posts)} posts ({names}): give --post")
    out = Path(args.out)
    matrix = write_readiness_matrix(store, args.cohort, posts[0].uid, out, args.lang)
    print(f"Wrote {out}: {len(matrix.rows)} trainees × {len(matrix.columns)} skills")
    return 0


def _cohort_posts(store: Store, cohort: str) -> list[PostView]:
    from ..core.trainees import list_trainees

    members = [t for t in list_trainees(store) if t.cohort == cohort]
    posts = posts_for_trainee(store, members[0].uid) if members else list_posts(store)
    if not posts:
        raise UserError("No rubric in use names a post: import a rubric with posts")
    return posts


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="texts in English or Chinese"
    )
    rubric = sub.add_parser("rubric", help="skill rubrics: layers, skills, posts")
    actions = rubric.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=[common, lang], help="list rubrics (newest versions)")
    p.add_argument("--search", help="rubric or skill name or code")
    p.add_argument("--all", action="store_true", help="every version, withdrawn ones too")
    p = actions.add_parser("show", parents=[common, lang], help="a rubric's layers and posts")
    p.add_argument("rubric", help="rubric name (English or Chinese) or id")
    p.add_argument("--version", type=int, help="this version rather than the newest")
    p = actions.add_parser("import", parents=[common], help="import a rubric (.json or .xlsx)")
    p.add_argument("file", help="a rubric file (.json) or a workbook with a Skills sheet")
    p.add_argument("--programme", help="the programme it belongs to (.json)")
    p.add_argument("--dry-run", action="store_true", help="check it; change nothing")
    rubric.set_defaults(func=_rubric_command)
    for name in ("list", "show", "import"):
        actions.choices[name].set_defaults(func=_rubric_command)

    post = sub.add_parser("post", help="posts (job positions) and the skills they need")
    actions = post.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=[common, lang], help="list posts")
    p.add_argument("--search", help="post name, English or Chinese")
    p.add_argument("--all", action="store_true", help="posts of every rubric version")
    p.set_defaults(func=_post_command)
    p = actions.add_parser("show", parents=[common, lang], help="a post's skills and targets")
    p.add_argument("post", help="post name (English or Chinese) or id")
    p.set_defaults(func=_post_command)

    p = sub.add_parser("readiness", parents=[common, lang], help="who is ready for which post")
    p.add_argument("trainee", nargs="?", help="trainee ID, name or id")
    p.add_argument("--cohort", help="a cohort's matrix instead: trainees × the post's skills")
    p.add_argument("--post", help="this post only (name or id)")
    p.add_argument(
        "--out", help="with --cohort: print the matrix to FILE.pdf or export it to FILE.xlsx"
    )
    p.set_defaults(func=_readiness)
