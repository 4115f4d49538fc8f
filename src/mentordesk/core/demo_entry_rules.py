"""The demo's on-the-job cohort: employees with hire dates and posts, and its entry rule, so a
new user sees who meets the rule and who does not, and why."""

from __future__ import annotations

from datetime import date

from .cohorts import create_cohort
from .entry_rules import set_rules
from .store import Store
from .trainees import create_trainee, update_trainee

PROGRAMME = "Mill maintenance on-the-job training"
COHORT = "2026 Mill Maintenance On-the-job"
POST = "Mill maintenance technician"
# (ID, name, years before the cohort's start they were hired, post): most meet the rule;
# one was hired too recently and one holds another post.
EMPLOYEES = (
    ("OJ001", "Gao Jun 高军", 8, POST),
    ("OJ002", "Hu Bin 胡斌", 5, POST),
    ("OJ003", "Luo Ting 罗婷", 4, POST),
    ("OJ004", "Xie Peng 谢鹏", 3, POST),
    ("OJ005", "Tang Lei 唐磊", 2, POST),
    ("OJ006", "Han Xue 韩雪", 6, "Crane operator"),
)


def add_on_the_job_cohort(store: Store, today: date) -> int:
    """The cohort, its rule (at least three years' service, from the technicians' post) and
    its employees; returns how many trainees it made."""
    start = date(today.year, 3, 1)
    create_cohort(store, COHORT, programme=PROGRAMME, track="Maintenance", start_date=start)
    for trainee_id, name, years, post in EMPLOYEES:
        t = create_trainee(store, trainee_id, name, cohort=COHORT, track="Maintenance")
        # The most recent hire is a few months short of two years: a reason in years and months.
        hired = date(start.year - years, start.month + 4 if years == 2 else start.month, 1)
        update_trainee(store, t.uid, hire_date=hired, post=post)
    set_rules(store, COHORT, min_years=3, posts=[POST])
    return len(EMPLOYEES)
