import os

import django

# Tests run with production-like settings (DEBUG off); set here, before pytest-django
# imports the settings, so a bare `pytest` works as well as `make test`.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trialfinder.settings")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DEBUG", "false")
# The test client speaks plain http; every other production security default stays on.
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
django.setup()
