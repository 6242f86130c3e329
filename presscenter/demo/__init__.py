"""The demo content of ``manage.py load_demo``.

``content.toml`` holds the seed's text, ``content`` reads it, ``seed`` writes it into the
database (leaving alone what editors have changed), ``synthetic`` makes the volume-test
items.
"""
