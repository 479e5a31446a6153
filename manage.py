#!/usr/bin/env python
import os
import sys

# Commands that only compare the models with the migration files: they never serve a
# request or sign anything, so they need no secret key or host names. Checking for
# missing migrations must work from a bare checkout, as CI and editors' hooks run it.
OFFLINE_COMMANDS = {"makemigrations"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trialfinder.settings")
    if sys.argv[1:2] and sys.argv[1] in OFFLINE_COMMANDS:
        os.environ.setdefault("DEBUG", "true")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings module now
    except ImproperlyConfigured as exc:
        # Django would carry on without settings and fail later with an unrelated
        # "Models aren't loaded yet"; say what is wrong and how to fix it instead.
        sys.exit(f"manage.py: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
