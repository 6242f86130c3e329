from django.contrib.contenttypes.models import ContentType
from django.db import models


class DemoRecord(models.Model):
    """An object that ``load_demo`` wrote, with a digest of the values it wrote.

    ``key`` names the object in the seed (a slug; for positions and contacts the
    person's slug and the English title or the kind), ``object_pk`` the row it became,
    so the loader finds the row even when an editor has changed its slug or title. When
    the row's values no longer match ``digest``, an editor has changed it since, and the
    loader leaves it alone (presscenter/demo/seed.py).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    key = models.CharField(max_length=500)
    object_pk = models.PositiveBigIntegerField()
    digest = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "demo record"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "key"], name="demo_record_key")
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.key}"
