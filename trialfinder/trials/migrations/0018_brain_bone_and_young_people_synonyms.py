from django.db import migrations

# Frozen here: later changes to the seed list must not change what this migration did.
BRAIN = "glioma\nglioblastoma\ncerebral"
# "brain tumour" found every trial that says "brain" (a leukaemia trial's "brain
# changes", a lung cancer trial's "brain metastases"), and "bone cancer" every trial of
# bone marrow: as phrases they name the cancers.
BRAIN_TUMOURS = (
    "brain tumour\nbrain tumor\nbrain cancer\nglioma\nglioblastoma\nastrocytoma"
    "\noligodendroglioma\nependymoma\nmedulloblastoma\nmeningioma"
)
BONE_CANCER = (
    "bone cancer\nprimary bone cancer\nbone sarcoma\nbone tumour\nbone tumor"
    "\nosteosarcoma\newing sarcoma\newing's sarcoma\nchondrosarcoma"
)
# Registries write "paediatric" and "adolescent"; "kids" was read as the start of "kidney".
CHILDREN = "children\nchild\nchildhood\npaediatric\npediatric"
TEENAGERS = "teenager\nteenage\nadolescent\nyoung people"
# "chemo" is a whole word now (a word with synonyms is one we know), so the kinds of
# chemotherapy written as one word are named; one way, or "chemoradiotherapy" would find
# every chemotherapy trial.
CHEMO = "chemotherapy"
CHEMO_KINDS = "chemotherapy\nchemoradiotherapy\nchemoradiation\nchemoimmunotherapy"
# How plain-language summaries say it; registries write "relapsed" or "recurrent".
COME_BACK = "come back\nrelapsed\nrelapse\nrecurrent\nrecurrence"
ROWS = [
    *[(term, BRAIN_TUMOURS) for term in ("brain tumour", "brain tumor", "brain cancer")],
    *[(term, BONE_CANCER) for term in ("bone cancer", "bone tumour", "bone tumor")],
    ("kids", CHILDREN),
    *[(term, TEENAGERS) for term in ("teenagers", "teenager", "teenage", "teens")],
    ("chemotherapy", "chemo"),
    *[(term, COME_BACK) for term in ("come back", "came back")],
]


def forwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    # One way now: "glioblastoma" found every trial that says "brain". Only the row as
    # seeded: an editor's own change to it stays.
    Synonym.objects.filter(term="brain", equivalents=BRAIN, two_way=True).update(two_way=False)
    Synonym.objects.filter(term="chemo", equivalents=CHEMO, two_way=True).update(
        equivalents=CHEMO_KINDS, two_way=False
    )
    # New rows only: a term an editor already added keeps their version.
    for term, equivalents in ROWS:
        Synonym.objects.get_or_create(
            term=term,
            defaults={"equivalents": equivalents, "kind": "LAY_MEDICAL", "two_way": False},
        )


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    Synonym.objects.filter(term="brain", equivalents=BRAIN, two_way=False).update(two_way=True)
    Synonym.objects.filter(term="chemo", equivalents=CHEMO_KINDS, two_way=False).update(
        equivalents=CHEMO, two_way=True
    )
    for term, equivalents in ROWS:
        Synonym.objects.filter(term=term, equivalents=equivalents).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0017_stage_4_synonyms")]

    operations = [migrations.RunPython(forwards, backwards)]
