from mentordesk.core.trainees import list_trainees


def test_demo_has_two_order_classes(demo_store):
    cohorts = {t.cohort for t in list_trainees(demo_store)}
    assert cohorts == {
        "2025 Rolling Order Class",
        "2025 Steelmaking Order Class",
        "2026 Mill Maintenance On-the-job",  # the on-the-job cohort with its entry rule
    }
