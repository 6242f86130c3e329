"""``manage.py load_demo``: the demo content, and synthetic items for volume tests.

The content is the seed's (``presscenter/demo/content.toml``); see ``presscenter/demo``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from presscenter.demo import seed, synthetic


class Command(BaseCommand):
    help = (
        "Load the demo content (presscenter/demo/content.toml) in English and Russian. Safe "
        "to run again: it creates what is missing, updates what the demo loaded and nobody "
        "changed, and leaves alone (and names) what an editor has changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--synthetic",
            type=int,
            default=0,
            metavar="N",
            help="Also create N synthetic published news items (synthetic-1 … synthetic-N) for "
            "volume tests, skipping those already there. On PostgreSQL they are written in "
            "SQL: 1,000,000 items take about 50 seconds.",
        )
        parser.add_argument(
            "--clear-synthetic",
            action="store_true",
            help="Delete the synthetic news items (before creating any asked for by --synthetic).",
        )

    def handle(self, *args, **options):
        count = options["synthetic"]
        if count < 0:
            raise CommandError("--synthetic takes a number of items: 0 or more.")
        # The bare (untranslated) columns take the default language's text.
        with translation.override(settings.LANGUAGE_CODE):
            with transaction.atomic():
                loader = seed.load()
            self.stdout.write(loader.summary())
            if options["clear_synthetic"] or count:
                deleted = synthetic.clear() if options["clear_synthetic"] else 0
                created = synthetic.create(count)
                self.stdout.write(
                    f"Synthetic news items: {created} created, {count - created} already "
                    f"there, {deleted} deleted."
                )
