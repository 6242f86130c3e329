"""The project's settings for the benchmark, with one more URL: ``/bench/trivial``.

Everything else is ``presscenter.settings`` as production runs it (same middleware,
same caches, same database settings), so the trivial view is served exactly the way
the pages are, and the project itself has no such URL.
"""

from presscenter.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
