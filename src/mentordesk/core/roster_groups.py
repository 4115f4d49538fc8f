"""The cohorts and programmes a roster names, made on first use inside its transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .changes import add, change
from .models import Cohort, Programme
from .programmes import imported_programme
from .store import Store


class RosterGroups:
    """Cohorts and programmes named by the rows, created on first use within the transaction."""

    def __init__(self, store: Store, session: Session) -> None:
        self.store = store
        self.session = session
        self.cohorts = {c.name: c for c in session.scalars(select(Cohort))}
        self.programmes = {p.name: p for p in session.scalars(select(Programme))}

    def create_missing(self, names: set[str]) -> None:
        """New cohorts in one flush: a roster of many classes would otherwise flush per class."""
        fresh = [Cohort(name=n) for n in sorted(names - self.cohorts.keys())]
        for cohort in fresh:
            self.store.stamp(cohort)
        self.session.add_all(fresh)
        self.session.flush()
        for cohort in fresh:
            self.store.audit(self.session, cohort, "create", {"name": cohort.name})
            self.cohorts[cohort.name] = cohort

    def cohort(self, name: str, programme: str) -> int:
        cohort = self.cohorts.get(name)
        if cohort is None:
            cohort = add(self.store, self.session, Cohort(name=name))
            self.cohorts[name] = cohort
        if programme and cohort.programme_id is None:
            prog = self.programmes.get(programme)
            if prog is None:
                prog = add(self.store, self.session, imported_programme(programme))
                self.programmes[programme] = prog
            change(self.store, self.session, cohort, {"programme_id": prog.id})
        return cohort.id
