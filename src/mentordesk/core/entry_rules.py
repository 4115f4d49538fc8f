"""Entry rules of on-the-job training: who may join a cohort, judged on hire date and post.

A cohort may ask a minimum length of service at its start and a list of posts it admits. The
verdict is advice for HR, never a refusal: a roster import and the window show it, and HR
decides who joins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .changes import change
from .errors import NotFound, UserError
from .models import Cohort, Post, Programme, Trainee
from .periods import parse_date
from .store import Store
from .text import clean
from .wording import Text, message_of, user_text

# Longer than anyone's working life: a larger figure is a typing slip, not a rule.
MOST_YEARS = 60


@dataclass(frozen=True)
class EntryRules:
    cohort: str
    min_years: int | None
    posts: tuple[str, ...]
    # The day service is counted to: the cohort's start, else its programme's, else None (today).
    counted_on: date | None

    @property
    def any(self) -> bool:
        return self.min_years is not None or bool(self.posts)


@dataclass(frozen=True)
class Verdict:
    meets: bool
    reason: str


@dataclass(frozen=True)
class TraineeVerdict:
    trainee_id: str
    name: str
    hire_date: date | None
    post: str
    verdict: Verdict


def service(hire: date, on: date) -> tuple[int, int]:
    """Whole years and months from the hire date to ``on`` (zero when hired later)."""
    months = (on.year - hire.year) * 12 + on.month - hire.month - (on.day < hire.day)
    months = max(months, 0)
    return months // 12, months % 12


def duration(years: int, months: int) -> Text:
    """ "1 year 8 months", "3 years": months only when there are some."""
    said = (
        user_text("EntryRules", "1 year")
        if years == 1
        else user_text("EntryRules", "{n} years").format(n=years)
    )
    if not months:
        return said
    more = (
        user_text("EntryRules", "1 month")
        if months == 1
        else user_text("EntryRules", "{n} months").format(n=months)
    )
    return user_text("EntryRules", "{years} {months}").format(years=said, months=more)


def evaluate(hire: date | None, post: str, rules: EntryRules, today: date) -> Verdict:
    """Whether an employee hired on ``hire`` holding ``post`` meets the rules, and why not."""
    reasons: list[Text] = []
    if rules.min_years is not None:
        if hire is None:
            reasons.append(user_text("EntryRules", "no hire date"))
        else:
            years, months = service(hire, rules.counted_on or today)
            if years < rules.min_years:
                reasons.append(
                    user_text(
                        "EntryRules", "{service} of service, the cohort asks at least {least}"
                    ).format(service=duration(years, months), least=duration(rules.min_years, 0))
                )
    if rules.posts:
        post = clean(post)
        allowed = ", ".join(rules.posts)
        if not post:
            reasons.append(
                user_text("EntryRules", "no post; the cohort admits {posts}").format(posts=allowed)
            )
        elif post not in rules.posts:
            reasons.append(
                user_text("EntryRules", "post {post} is not among {posts}").format(
                    post=post, posts=allowed
                )
            )
    if reasons:
        # Joined as a Text, so each reason is still shown in the interface language.
        said = reasons[0]
        for more in reasons[1:]:
            said = user_text("EntryRules", "{one}; {other}").format(one=said, other=more)
        return Verdict(False, said)
    return Verdict(True, user_text("EntryRules", "meets the entry rules"))


def _cohort(s: Session, name: str) -> Cohort:
    cohort = s.scalar(select(Cohort).where(Cohort.name == clean(name), Cohort.deleted.is_(False)))
    if cohort is None:
        raise NotFound(user_text("EntryRules", "No cohort named {name!r}").format(name=name))
    return cohort


def rules_of(s: Session, cohort: Cohort) -> EntryRules:
    start = cohort.start_date
    if start is None and cohort.programme_id is not None:
        start = s.scalar(select(Programme.start_date).where(Programme.id == cohort.programme_id))
    return EntryRules(cohort.name, cohort.entry_min_years, tuple(cohort.entry_posts or ()), start)


def rules_by_cohort(s: Session) -> dict[str, EntryRules]:
    """Every cohort that sets a rule, by name: what a roster dry run judges rows against."""
    found = {}
    for cohort in s.scalars(select(Cohort).where(Cohort.deleted.is_(False))):
        rules = rules_of(s, cohort)
        if rules.any:
            found[cohort.name] = rules
    return found


def get_rules(store: Store, cohort: str) -> EntryRules:
    with store.read() as s:
        return rules_of(s, _cohort(s, cohort))


def _known_post(s: Session, name: str) -> str:
    """The post's English name, found by its English or Chinese name."""
    found = s.scalar(
        select(Post.name)
        .where(or_(Post.name == name, Post.name_zh == name), Post.deleted.is_(False))
        .limit(1)
    )
    if found is None:
        known = sorted(set(s.scalars(select(Post.name).where(Post.deleted.is_(False)))))
        raise UserError(
            user_text("EntryRules", "Post {post!r} is not a known post (known: {known})").format(
                post=name, known=", ".join(known) or "—"
            )
        )
    return found


def set_rules(
    store: Store,
    cohort: str,
    *,
    min_years: int | None = None,
    posts: list[str] | None = None,
    clear: bool = False,
) -> EntryRules:
    """Set (or with ``clear`` remove) a cohort's entry rules; ``None`` keeps what is there."""
    if min_years is not None and not 0 <= min_years <= MOST_YEARS:
        raise UserError(
            user_text(
                "EntryRules", "Minimum years of service must be 0 to {most}, not {years}"
            ).format(most=MOST_YEARS, years=min_years)
        )
    with store.write() as s:
        found = _cohort(s, cohort)
        fields: dict[str, object] = {}
        if clear:
            fields = {"entry_min_years": None, "entry_posts": []}
        if min_years is not None:
            fields["entry_min_years"] = min_years
        if posts is not None:
            names = [clean(p) for p in posts if clean(p)]
            fields["entry_posts"] = list(dict.fromkeys(_known_post(s, n) for n in names))
        change(store, s, found, fields)
        return rules_of(s, found)


def check_cohort(store: Store, cohort: str, today: date | None = None) -> list[TraineeVerdict]:
    """Each active trainee of the cohort with the verdict of its entry rules."""
    today = today or date.today()
    with store.read() as s:
        found = _cohort(s, cohort)
        rules = rules_of(s, found)
        rows = s.execute(
            select(Trainee.trainee_id, Trainee.name, Trainee.hire_date, Trainee.post)
            .where(
                Trainee.cohort_id == found.id,
                Trainee.deleted.is_(False),
                Trainee.status == "active",
            )
            .order_by(Trainee.name_key, Trainee.trainee_id)
        ).all()
    return [
        TraineeVerdict(tid, name, hire, post, evaluate(hire, post, rules, today))
        for tid, name, hire, post in rows
    ]


@dataclass(frozen=True)
class Judged:
    """A roster row as it would leave its trainee: what the dry run judges."""

    row: int
    record: str
    cohort: str
    hire_date: date | None
    post: str


def roster_verdicts(
    sheet: str, rows: list[Judged], rules: dict[str, EntryRules], today: date
) -> list[str]:
    """The report's lines for rows of cohorts with entry rules: who meets them, who does not
    and why. Warnings only: the rows are imported all the same, HR decides."""
    lines: list[str] = []
    for r in rows:
        found = rules.get(r.cohort)
        if found is None:
            continue
        verdict = evaluate(r.hire_date, r.post, found, today)
        if verdict.meets:
            said = user_text(
                "EntryRules", "{sheet} row {row} {record}: meets the entry rules of {cohort}"
            )
            lines.append(said.format(sheet=sheet, row=r.row, record=r.record, cohort=r.cohort))
        else:
            said = user_text(
                "EntryRules",
                "{sheet} row {row} {record}: does not meet the entry rules of {cohort}: "
                "{reason} (imported all the same; HR decides)",
            )
            lines.append(
                said.format(
                    sheet=sheet, row=r.row, record=r.record, cohort=r.cohort, reason=verdict.reason
                )
            )
    return lines


def judged_row(
    row: int, record: str, target: dict[str, str], before: dict[str, str] | None
) -> Judged:
    """A planned roster row with what it leaves its trainee with: the row's values, else the
    stored ones (an empty cell never clears them). Dates were checked when planning."""
    before = before or {}
    hired = target.get("hire_date") or before.get("hire_date", "")
    return Judged(
        row,
        record,
        target.get("cohort") or before.get("cohort", ""),
        date.fromisoformat(hired) if hired else None,
        target.get("post") or before.get("post", ""),
    )


def hire_date_problem(text: str, today: date | None = None) -> str | None:
    """What is wrong with a hire date as typed (a roster's cell, the window's field, the
    command line's option), or None when it is empty or a day already past."""
    if not text:
        return None
    try:
        day = parse_date(text)
    except UserError as exc:
        # Its Text, not str(exc): the window says the reason in the interface language.
        return message_of(exc)
    return _future_problem(day, today)


def _future_problem(day: date, today: date | None) -> str | None:
    today = today or date.today()
    if day <= today:
        return None
    # Service counted from a day to come would be a typing slip, never a hire.
    return user_text("EntryRules", "{day} is in the future (today is {today})").format(
        day=day.isoformat(), today=today.isoformat()
    )


def hire_date_value(value: object, today: date | None = None) -> date | None:
    """A trainee's hire date from a date or its text (empty: none); a UserError naming the
    field when it is unreadable or in the future. The one check the window, the command
    line and services share (the roster import says the same through ``hire_date_problem``)."""
    text = value.isoformat() if isinstance(value, date) else clean(value)
    problem = hire_date_problem(text, today)
    if problem is not None:
        raise UserError(user_text("EntryRules", "Hire date: {problem}").format(problem=problem))
    return parse_date(text) if text else None


def judge(
    store: Store, cohort: str, hire_date: str, post: str, today: date | None = None
) -> Verdict | None:
    """The verdict a trainee of ``cohort`` would get with this hire date (as typed) and post:
    what the Trainees form shows while they are edited. None when the cohort sets no rules
    (or is not a cohort yet); a hire date that could not be saved is refused as saving would."""
    today = today or date.today()
    hired = hire_date_value(hire_date, today)
    with store.read() as s:
        found = s.scalar(
            select(Cohort).where(Cohort.name == clean(cohort), Cohort.deleted.is_(False))
        )
        rules = rules_of(s, found) if found is not None else None
    if rules is None or not rules.any:
        return None
    return evaluate(hired, post, rules, today)


def verdicts_by_uid(store: Store, today: date | None = None) -> dict[str, Verdict]:
    """The verdict of every active trainee whose cohort sets entry rules, by trainee uid: what
    the trainee list shows beside them."""
    today = today or date.today()
    found: dict[str, Verdict] = {}
    with store.read() as s:
        ruled = {
            c.id: rules_of(s, c)
            for c in s.scalars(select(Cohort).where(Cohort.deleted.is_(False)))
            if c.entry_min_years is not None or c.entry_posts
        }
        if not ruled:
            return found
        rows = s.execute(
            select(Trainee.uid, Trainee.cohort_id, Trainee.hire_date, Trainee.post).where(
                Trainee.cohort_id.in_(ruled),
                Trainee.deleted.is_(False),
                Trainee.status == "active",
            )
        )
        for uid, cohort_id, hire, post in rows:
            if cohort_id is not None:  # always so: selected by cohort
                found[uid] = evaluate(hire, post, ruled[cohort_id], today)
    return found
