"""gunicorn's settings for bin/serve (`gunicorn -c portal/gunicorn.conf.py portal.wsgi`).

Sized from the machine: one worker process per core, each with a few threads. The threads
(`gthread`) keep HTTP connections alive between requests, which the default `sync` worker can't,
and wait on the database in parallel; the processes use the cores. Each thread holds one
database connection (CONN_MAX_AGE), so the database sees workers × threads connections.

Environment: PORT (`host:port`, or a port on 127.0.0.1; default 127.0.0.1:8000),
WEB_CONCURRENCY (worker processes; default the cores this process may use), GUNICORN_THREADS
(default 4). A bad value stops start-up, as in portal/settings.py.
"""

from __future__ import annotations

import os

from portal.env import env_int, env_str

_port = env_str("PORT", "127.0.0.1:8000")
bind = [f"127.0.0.1:{_port}" if _port.isdigit() else _port]

worker_class = "gthread"
workers = env_int("WEB_CONCURRENCY", len(os.sched_getaffinity(0)), minimum=1)
threads = env_int("GUNICORN_THREADS", 4, minimum=1)
# Longer than a browser's pause between the page and its assets; short enough that idle
# connections don't pin every thread.
keepalive = 5
timeout = 30
graceful_timeout = 30
# A worker is replaced after about this many requests (staggered, so not all at once): a slow
# leak in a library can't grow without bound. Large and widely spread: at 2,000 ± 200 the load
# bench saw both workers restart within 3 s of each other, several seconds with none serving.
max_requests = 20_000
max_requests_jitter = 10_000
# Load the code once in the master and fork: workers start fast, share memory. Nothing opens a
# database or Redis connection at import, so none is shared across the fork.
preload_app = True
# The workers' heartbeat files on tmpfs: a slow disk can't make a healthy worker look dead.
_shared_memory = "/dev/shm"  # noqa: S108 (gunicorn's own advice, not a temporary file)
if os.path.isdir(_shared_memory):
    worker_tmp_dir = _shared_memory

accesslog = "-"
errorlog = "-"
# The path only, never the query string: `/search/?q=` carries what people ask about their own
# legal trouble, which is personal data; so can the Referer, which is left out too.
# Fields: client, time, method, path, protocol, status, bytes, milliseconds, user agent.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'


def when_ready(server: object) -> None:
    """In the master, after the app is loaded and before the workers are forked (and again
    forked for every replacement): what every worker would otherwise build for itself in its
    first requests is built once here and shared, copy-on-write.

    - the search's dictionary and typo tables (~1.5 s, not in each worker's first search);
    - every view module, through the URLconf, and the site's templates, compiled into the
      cached loader;
    - the static files' manifest.

    Then gc.freeze(): what was loaded so far lives as long as the process, and a collection in
    a worker would otherwise write to every page holding it (the collector's bookkeeping),
    copying it into the worker. Nothing here opens a database or Redis connection."""
    import gc

    from search import typos

    typos.load_tables()
    _load_views_and_templates()
    gc.collect()
    gc.freeze()


def _load_views_and_templates() -> None:
    from pathlib import Path

    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018 (imports every view and fills the URL tables)
    engine = engines["django"]
    # The site's own templates only: the admin's and the API browser's, compiled here, would
    # add to every worker's RSS whether it ever shows them or not.
    for directory in engine.dirs:  # TEMPLATES' DIRS
        for path in sorted(Path(directory).rglob("*.html")):
            try:
                engine.get_template(str(path.relative_to(directory)))
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue  # one that doesn't compile alone is compiled when used, as before
    if not settings.DEBUG:
        staticfiles_storage.url("css/site.css")
