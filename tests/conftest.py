import pytest
from django.core.cache import cache

from tests.factories import condition, make_site, make_trial
from trialfinder.trials.models import Condition, Region


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    # For speed: the default hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sarcoma(db) -> Condition:
    return Condition.objects.get(slug="sarcoma")


@pytest.fixture
def soft_tissue_sarcoma(db) -> Condition:
    return Condition.objects.get(slug="soft-tissue-sarcoma")


@pytest.fixture
def yorkshire(db) -> Region:
    return Region.objects.get(slug="yorkshire-and-the-humber")


@pytest.fixture
def trial(db, soft_tissue_sarcoma):
    t = make_trial(title="A trial of imatinib for sarcoma", conditions=[soft_tissue_sarcoma])
    make_site(t, facility="St James's University Hospital", region="yorkshire-and-the-humber")
    return t


@pytest.fixture
def brest_and_breast(db) -> None:
    """Three trials at the hospital in Brest, and five breast cancer trials: "brest
    cancer" finds the first three, though it is a misspelling."""
    for n in range(3):
        trial = make_trial(title=f"A leukaemia trial {n}")
        make_site(trial, facility="CHRU de Brest", city="Brest", country="France")
    for n in range(5):
        make_trial(
            title=f"Radiotherapy for breast cancer {n}", conditions=[condition("breast-cancer")]
        )


@pytest.fixture
def nurse_client(client, django_user_model):
    """A member of staff with no other permissions: what the call-mode pages need."""
    nurse = django_user_model.objects.create_user("nurse", "nurse@example.com", "pw", is_staff=True)
    client.force_login(nurse)
    return client


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@example.com", "pw", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


def pytest_runtest_setup(item) -> None:
    from django.db import connection

    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://...)")
