"""``manage.py backup``: the database and the media in one archive (presscenter/backups.py)."""

from django.core.management.base import BaseCommand, CommandError

from presscenter.backups import backup


class Command(BaseCommand):
    help = (
        "Write the whole site (every row of the database and every uploaded file) to one "
        ".tar.gz archive with a SHA-256 manifest. manage.py restore reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            default=".",
            help="The archive to write, or a directory to write presscenter-<time>.tar.gz "
            "in (default: the current directory).",
        )

    def handle(self, *args, destination, **options):
        try:
            result = backup(destination)
        except OSError as error:
            raise CommandError(f"The backup could not be written: {error}") from error
        rows = sum(result.counts.values())
        self.stdout.write(
            f"{result.path}: {rows} rows, {result.files} media files, {result.size} bytes\n"
            f"SHA-256 {result.sha256}"
        )
