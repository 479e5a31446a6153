import pytest
from django.core.cache import cache

from tests.factories import make_site, make_trial
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
