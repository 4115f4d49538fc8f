"""The Trainees form shows and edits a trainee's hire date and post, refuses a hire date in the
future or unreadable and a post too long (naming the field, changing nothing), and beside them
says whether the trainee meets their cohort's entry rules, judged again as they are edited."""

from __future__ import annotations

from datetime import date

from mentordesk.core.trainees import get_trainee, list_trainees
from mentordesk.ui.main_window import MainWindow
from tests.gui_waits import settled

COHORT = "2026 Mill Maintenance On-the-job"
POST = "Mill maintenance technician"


def _area(qtbot, store, make_worker):
    window = MainWindow(make_worker(store))
    qtbot.addWidget(window)
    window.navigation.setCurrentRow(1)
    area = window.area("trainees")
    settled(window.worker)
    area.cohort_filter.setCurrentIndex(area.cohort_filter.findData(COHORT))
    settled(window.worker)
    return window, area


def _open(window, area, trainee_id: str) -> None:
    row = next(
        i for i in range(area.model.rowCount()) if area.model.row_at(i).trainee_id == trainee_id
    )
    area.table.selectRow(row)
    settled(window.worker)


def _uid(store, trainee_id: str) -> str:
    return next(t.uid for t in list_trainees(store) if t.trainee_id == trainee_id)


def _hire(area):
    return area.form.findChild(type(area.search), "hireDateEdit")


def _verdict(area) -> str:
    label = area.hire_fields.verdict_label
    return label.text() if label.isVisibleTo(area) else ""


def test_form_shows_hire_date_post_and_the_verdict(qtbot, demo_store, make_worker):
    window, area = _area(qtbot, demo_store, make_worker)
    _open(window, area, "OJ005")
    assert _hire(area).text() == "2024-07-01"
    assert area.hire_fields.post_combo.currentText() == POST
    # The plant's posts are offered as choices.
    choices = [
        area.hire_fields.post_combo.itemData(i) for i in range(area.hire_fields.post_combo.count())
    ]
    assert POST in choices
    assert _verdict(area) == (
        "Not yet eligible: 1 year 8 months of service, the cohort asks at least 3 years"
    )
    _open(window, area, "OJ001")
    assert _hire(area).text() == "2018-03-01"
    assert _verdict(area) == "Meets the cohort's entry rules"


def test_the_verdict_follows_the_fields_as_they_are_edited(qtbot, demo_store, make_worker):
    window, area = _area(qtbot, demo_store, make_worker)
    _open(window, area, "OJ005")
    _hire(area).setText("2020-01-01")
    qtbot.waitUntil(lambda: _verdict(area) == "Meets the cohort's entry rules")
    area.hire_fields.post_combo.setEditText("Crane operator")
    qtbot.waitUntil(lambda: "post Crane operator is not among" in _verdict(area))
    _hire(area).setText("2020-13-01")
    qtbot.waitUntil(lambda: "Hire date: '2020-13-01' is not a date" in _verdict(area))
    # Only judged: nothing was saved.
    stored = get_trainee(demo_store, _uid(demo_store, "OJ005"))
    assert (stored.hire_date, stored.post) == (date(2024, 7, 1), POST)


def test_saving_hire_date_and_post(qtbot, demo_store, make_worker):
    window, area = _area(qtbot, demo_store, make_worker)
    _open(window, area, "OJ006")
    _hire(area).setText("2019-05-02")
    area.hire_fields.post_combo.setCurrentIndex(area.hire_fields.post_combo.findData(POST))
    area.save()
    settled(window.worker)
    assert area.message.text() == "Saved."
    stored = get_trainee(demo_store, _uid(demo_store, "OJ006"))
    assert (stored.hire_date, stored.post) == (date(2019, 5, 2), POST)
    # Emptied, the hire date is cleared.
    _hire(area).setText("")
    area.save()
    settled(window.worker)
    assert get_trainee(demo_store, _uid(demo_store, "OJ006")).hire_date is None


def test_a_new_trainee_gets_hire_date_and_post(qtbot, demo_store, make_worker):
    window, area = _area(qtbot, demo_store, make_worker)
    area.new_trainee()
    settled(window.worker)
    area.id_edit.setText("OJ100")
    area.name_edit.setText("Wu Di 吴迪")
    area.cohort_combo.setCurrentText(COHORT)
    _hire(area).setText("2015-09-01")
    area.hire_fields.post_combo.setEditText(POST)
    qtbot.waitUntil(lambda: _verdict(area) == "Meets the cohort's entry rules")
    area.save()
    settled(window.worker)
    made = get_trainee(demo_store, _uid(demo_store, "OJ100"))
    assert (made.hire_date, made.post) == (date(2015, 9, 1), POST)


def test_bad_hire_date_or_long_post_is_refused_naming_the_field(qtbot, demo_store, make_worker):
    window, area = _area(qtbot, demo_store, make_worker)
    _open(window, area, "OJ002")
    uid = _uid(demo_store, "OJ002")
    before = get_trainee(demo_store, uid)
    area.name_edit.setText("Renamed")
    cases = {
        "2999-01-01": "Hire date: 2999-01-01 is in the future (today is ",
        "1/2/2019": "Hire date: '1/2/2019' is not a date as YYYY-MM-DD",
    }
    for typed, said in cases.items():
        _hire(area).setText(typed)
        area.save()
        settled(window.worker)
        assert area.message.text().startswith(said)
        # Said once, under the fields, not again beside them.
        assert _verdict(area) == ""
        assert get_trainee(demo_store, uid) == before
    _hire(area).setText("2019-01-01")
    area.hire_fields.post_combo.setEditText("x" * 201)
    area.save()
    settled(window.worker)
    assert area.message.text() == "Post: 201 characters, more than the 200 allowed"
    assert get_trainee(demo_store, uid) == before


def test_no_verdict_for_a_cohort_without_entry_rules(qtbot, demo_store, make_worker):
    window, area = _area(qtbot, demo_store, make_worker)
    area.cohort_filter.setCurrentIndex(0)
    settled(window.worker)
    trainee = next(t for t in list_trainees(demo_store) if t.cohort == "2025 Rolling Order Class")
    area.select_uid(trainee.uid)
    settled(window.worker)
    assert area.id_edit.text() == trainee.trainee_id
    assert _verdict(area) == ""
    assert _hire(area).text() == ""
