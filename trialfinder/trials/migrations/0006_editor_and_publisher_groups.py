"""The two staff roles of issue 6. Editors write and submit for review; Publishers also
publish, unpublish and withdraw. Re-running (or editing a group by hand) is safe: the
groups get exactly these permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED = {
    "trials": [
        "trial",
        "site",
        "trialidentifier",
        "trialorganisation",
        "organisation",
        "intervention",
        "condition",
        "synonym",
    ],
    "glossary": ["glossaryterm"],
}
EDITOR = [
    *(f"{app}.{action}_{model}" for app, models in EDITED.items() for model in models
      for action in ("add", "change", "view")),
    # The site form's region box is an autocomplete, which needs to see regions.
    "trials.view_region",
    "trials.submit_trial",
]
PUBLISHER = [*EDITOR, "trials.publish_trial", "trials.withdraw_trial"]
GROUPS = {"Editor": EDITOR, "Publisher": PUBLISHER}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations (post_migrate); on a new
    # database they do not exist yet, so make them now.
    for label in ("trials", "glossary"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("glossary", "0003_glossaryterm_history"),
        ("trials", "0005_editorial_workflow_and_history"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
