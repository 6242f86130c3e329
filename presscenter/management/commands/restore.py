"""``manage.py restore``: replace the whole site with a backup (presscenter/backups.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from presscenter.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the whole site (database and media) with an archive written by manage.py "
        "backup. Every file is checked against the archive's manifest first; a damaged "
        "archive is refused and nothing changes. The load is one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive written by manage.py backup.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, interactive, **options):
        confirm = self.confirm if interactive else None
        try:
            result = restore(archive, confirm=confirm)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        if result is None:
            self.stdout.write("Restore cancelled; nothing was changed.")
            return
        rows = sum(result.counts.values())
        self.stdout.write(
            f"Restored {rows} rows and {result.files} media files from {archive} "
            f"(backed up at {result.manifest['created_at']})."
        )

    def confirm(self, manifest):
        database = connection.settings_dict["NAME"]
        rows = sum(manifest["counts"].values())
        answer = input(
            f"The archive checks out: {rows} rows and {len(manifest['files']) - 1} media files, "
            f"backed up at {manifest['created_at']}.\n"
            f"This replaces everything in the database {database} and in the media folder. "
            "Type 'yes' to go on: "
        )
        return answer.strip().lower() == "yes"
