from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Substr


def backfill(apps, schema_editor):
    """One UPDATE, the excerpt a correlated subquery (as consult.counters defines it, frozen)."""
    Answer = apps.get_model("consult", "Answer")
    Question = apps.get_model("consult", "Question")
    best = (
        Answer.objects.filter(question=OuterRef("pk"), is_hidden=False)
        .order_by("-is_accepted", "-helpful_count", "created_at", "pk")
        .annotate(excerpt=Substr("body", 1, 120))
        .values("excerpt")[:1]
    )
    Question.objects.update(best_answer_excerpt=Coalesce(Subquery(best), Value("")))


class Migration(migrations.Migration):
    dependencies = [
        ("consult", "0010_license_number_unique_among_verified_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="best_answer_excerpt",
            field=models.CharField(
                blank=True, editable=False, max_length=120, verbose_name="最佳回答摘要"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
