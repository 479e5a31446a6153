from django.db import migrations

# Frozen here: later changes to the seed list must not change what this migration did.
# (generic name, its brand names), as trialfinder.trials.seed.DRUG_BRANDS had them.
DRUG_BRANDS = [
    ("ipilimumab", "Yervoy"),
    ("atezolizumab", "Tecentriq"),
    ("durvalumab", "Imfinzi"),
    ("avelumab", "Bavencio"),
    ("pertuzumab", "Perjeta"),
    ("trastuzumab emtansine", "Kadcyla\nT-DM1"),
    ("trastuzumab deruxtecan", "Enhertu\nT-DXd"),
    ("cetuximab", "Erbitux"),
    ("panitumumab", "Vectibix"),
    ("obinutuzumab", "Gazyvaro\nGazyva"),
    ("daratumumab", "Darzalex"),
    ("lenalidomide", "Revlimid"),
    ("bortezomib", "Velcade"),
    ("carfilzomib", "Kyprolis"),
    ("ibrutinib", "Imbruvica"),
    ("acalabrutinib", "Calquence"),
    ("zanubrutinib", "Brukinsa"),
    ("venetoclax", "Venclyxto\nVenclexta"),
    ("dasatinib", "Sprycel"),
    ("nilotinib", "Tasigna"),
    ("osimertinib", "Tagrisso"),
    ("gefitinib", "Iressa"),
    ("erlotinib", "Tarceva"),
    ("alectinib", "Alecensa"),
    ("niraparib", "Zejula"),
    ("rucaparib", "Rubraca"),
    ("ribociclib", "Kisqali"),
    ("abemaciclib", "Verzenios\nVerzenio"),
    ("anastrozole", "Arimidex"),
    ("letrozole", "Femara"),
    ("exemestane", "Aromasin"),
    ("goserelin", "Zoladex"),
    ("fulvestrant", "Faslodex"),
    ("abiraterone", "Zytiga"),
    ("enzalutamide", "Xtandi"),
    ("apalutamide", "Erleada"),
    ("darolutamide", "Nubeqa"),
    ("capecitabine", "Xeloda"),
    ("temozolomide", "Temodal\nTemodar"),
    ("paclitaxel", "Taxol"),
    ("nab-paclitaxel", "Abraxane"),
    ("docetaxel", "Taxotere"),
    ("gemcitabine", "Gemzar"),
    ("pemetrexed", "Alimta"),
    ("sorafenib", "Nexavar"),
    ("sunitinib", "Sutent"),
    ("pazopanib", "Votrient"),
    ("cabozantinib", "Cabometyx"),
    ("lenvatinib", "Lenvima"),
    ("regorafenib", "Stivarga"),
    ("dabrafenib", "Tafinlar"),
    ("trametinib", "Mekinist"),
    ("vemurafenib", "Zelboraf"),
    ("blinatumomab", "Blincyto"),
    ("inotuzumab ozogamicin", "Besponsa"),
    ("gemtuzumab ozogamicin", "Mylotarg"),
    ("brentuximab vedotin", "Adcetris"),
    ("polatuzumab vedotin", "Polivy"),
    ("tisagenlecleucel", "Kymriah"),
    ("axicabtagene ciloleucel", "Yescarta"),
    ("brexucabtagene autoleucel", "Tecartus"),
    ("zoledronic acid", "Zometa"),
    ("denosumab", "Xgeva\nProlia"),
    ("azacitidine", "Vidaza"),
    ("decitabine", "Dacogen"),
]


def forwards(apps, schema_editor):
    # New rows only: a term an editor already added keeps their version.
    Synonym = apps.get_model("trials", "Synonym")
    for generic, brands in DRUG_BRANDS:
        Synonym.objects.get_or_create(
            term=generic, defaults={"equivalents": brands, "kind": "DRUG", "two_way": True}
        )


def backwards(apps, schema_editor):
    Synonym = apps.get_model("trials", "Synonym")
    for generic, brands in DRUG_BRANDS:
        Synonym.objects.filter(term=generic, equivalents=brands).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0014_british_and_american_words")]

    operations = [migrations.RunPython(forwards, backwards)]
