from tests.factories import make_trial


def test_it_creates_a_trial(db):
    assert make_trial(title="X").get_absolute_url().startswith("/trials/")
