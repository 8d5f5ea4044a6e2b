"""Settings for the portal: one file, read from the environment.

Production differs from development only by environment variables (see README.md);
a value that can't be right stops start-up with ImproperlyConfigured.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from portal.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# Off unless asked for: a forgotten variable must never serve debug pages. bin/run (development)
# and the tests (pyproject.toml) set DEBUG=true.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (DEBUG defaults to false; "
            "set DEBUG=true for development, as bin/run does)"
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Scheme and host of the public site: absolute links in e-mails, canonical and Open Graph URLs,
# sitemaps and feeds (never taken from a request's Host header).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(
        f"SITE_URL must be a scheme and host such as https://example.org, got {SITE_URL!r}"
    )

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",  # django.contrib.admin, in Chinese (portal/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Django's form and widget templates, for FORM_RENDERER below.
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "simple_history",
    # The project's own tables: write-budget counts and idempotent responses (portal/models.py).
    "portal",
    "accounts",
    "search",
    "statutes",
    "consult",
    "seo",
    "portal.apps.AxesConfig",  # django-axes, headed in Chinese
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp, CONTENT_SECURITY_POLICY below) and Permissions-Policy.
    "portal.security.SecurityHeadersMiddleware",
    # A view failing because the database doesn't answer: 503 with Retry-After (portal/views.py).
    "portal.views.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, auth, messages and CSRF work: serves anonymous cached pages.
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns django-ratelimit's refusal into RATELIMIT_VIEW (429) instead of a 403.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # X-Robots-Tag: noindex on the paths robots.txt keeps crawlers out of (seo/robots.py).
    "seo.robots.NoindexPrivatePathsMiddleware",
    # Last: turns a sign-in refused by django-axes into the "locked" page (accounts/lockout.py).
    "axes.middleware.AxesMiddleware",
]

# Each gunicorn thread keeps its connection for CONN_MAX_AGE seconds instead of opening one per
# request; the health check pings a kept connection before reuse, so a database restart costs
# no failed request.
_CONN_MAX_AGE = env_int("DATABASE_CONN_MAX_AGE", 60)


def _database(variable: str, url: str) -> dj_database_url.DBConfig:
    try:
        database = dj_database_url.parse(url, conn_max_age=_CONN_MAX_AGE, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"{variable} is not a valid database URL: {error}") from None
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # Persistent connections buy nothing with SQLite and keep files open in tests.
        database["CONN_MAX_AGE"] = 0
    return database


DATABASES = {
    "default": _database(
        "DATABASE_URL", env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
# A read replica: safe requests read from it, everything else (and a browser that has just
# written, for REPLICA_PIN_SECONDS) uses the primary. See portal/db_routers.py.
_DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 5, minimum=1)
if _DATABASE_REPLICA_URL:
    DATABASES["replica"] = _database("DATABASE_REPLICA_URL", _DATABASE_REPLICA_URL)
    # Tests don't create a second database: the replica is the test primary, seen through a
    # connection of its own.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["portal.db_routers.PrimaryReplicaRouter"]
    # Before anything that reads: it decides whether this request may read from the replica.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "portal.db_routers.ReadYourWritesMiddleware",
    )

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "consult.context_processors.notifications",
            ],
            "builtins": ["portal.dates"],
        },
    },
]

# Forms render through the project's templates: templates/django/forms/field.html is the one
# markup of every field ({{ field.as_field_group }}), in place of Django's own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "consult:home"
LOGOUT_REDIRECT_URL = "consult:home"
# django-axes first: it refuses a locked username or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.ChineseMinimumLengthValidator"},
    {"NAME": "accounts.validators.NotBlankPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
# Our own catalogs come first: Django 5.2's admin scripts ask for strings ("Choose all %s",
# "Remove all %s" …) that its zh_Hans catalog does not have yet, and would show them in English.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Without DEBUG, `manage.py collectstatic` (bin/serve runs it) writes content-hashed, gzip- and
# brotli-compressed copies that whitenoise serves with a far-future `immutable` Cache-Control.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Only the hashed names are kept (every reference goes through {% static %} or the manifest's
# rewriting), and source maps, fetched by developer tools alone, are not compressed: that cuts
# collectstatic's brotli work, which bin/serve runs on every start, by two thirds.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL must start with redis://, rediss:// or unix://, got {REDIS_URL!r}"
        )
    from portal.cache import redis_cache

    # Redis, where an unreachable server means a per-process cache for a while, never a 500.
    CACHES = {"default": redis_cache(REDIS_URL)}

# Mail: the console by default; SMTP once EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "法律咨询网 <noreply@localhost>")

# Background tasks (django-tasks): notification e-mails leave the request and are retried when
# the mail server fails. In production they wait in the database for the worker that bin/serve
# starts beside gunicorn (manage.py db_worker); in development and the tests they run at once.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Security. Off in DEBUG so that runserver works over plain HTTP.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
# A load balancer probes the server itself over plain HTTP: a redirect would fail the probe.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
# Everything from this site only, nothing inline (portal/security.py: the admin's and the API
# docs' allowances). Browsers report nothing anywhere: violations show in their consoles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Rate limits on writes (django-ratelimit); the API uses DRF's throttles below.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "portal.views.rate_limited"
# Behind a reverse proxy REMOTE_ADDR is the proxy: key per-IP limits on the client's address,
# read from X-Forwarded-For as the API's throttles read it (API_NUM_PROXIES below).
RATELIMIT_IP_META_KEY = "portal.ratelimit.client_ip"

# Password guessing (django-axes; the two budgets and how a lock ends: accounts/lockout.py, README).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_HANDLER = "accounts.lockout.PortalAxesHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FAILURE_LIMIT = env_int("AXES_USERNAME_FAILURE_LIMIT", 10, minimum=1)
AXES_IP_FAILURE_LIMIT = env_int("AXES_IP_FAILURE_LIMIT", 50, minimum=1)
AXES_FAILURE_LIMIT = AXES_USERNAME_FAILURE_LIMIT  # the handler scales the address count to it
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
# Guesses during a lock don't extend it: otherwise an attacker could keep a user locked forever.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Successful sign-ins are in the sessions and last_login already; keep only the failures.
AXES_DISABLE_ACCESS_LOG = True

# Questions held for review before they are public (consult/services/holds.py): from accounts
# younger than HOLD_NEW_ACCOUNT_DAYS with a link or repeating their own text, and from anyone
# whose text contains one of HOLD_WORDS (comma-separated; none by default).
HOLD_NEW_ACCOUNT_DAYS = env_int("HOLD_NEW_ACCOUNT_DAYS", 7)
HOLD_WORDS = env_list("HOLD_WORDS")

# The load bench's yardstick (bench/load.py): /bench/bare/ answers a constant response through
# the full middleware, the ceiling of this stack on a machine. Never on unless asked for.
BENCH_BARE_VIEW = env_bool("BENCH_BARE_VIEW", False)

REST_FRAMEWORK = {
    # Token first: a request without credentials then gets 401 with `WWW-Authenticate: Token`
    # (session auth offers no challenge, so DRF would answer 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # Unknown or malformed query parameters are a 400, not a silently unfiltered list.
    "DEFAULT_FILTER_BACKENDS": ["portal.api.filters.StrictFilterBackend"],
    # DRF's JSON parser lets a deeply nested body escape as a RecursionError (a 500).
    "DEFAULT_PARSER_CLASSES": [
        "portal.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "portal.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.api.throttles.AnonThrottle",
        "portal.api.throttles.UserThrottle",
        "portal.api.throttles.WriteThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("THROTTLE_ANON", "120/min"),
        "user": env_str("THROTTLE_USER", "240/min"),
        "writes": env_str("THROTTLE_WRITES", "30/min"),
        "assessments": env_str("THROTTLE_ASSESSMENTS", "30/min"),
        # Exporting one's data and deleting one's account (which checks the password).
        "account": env_str("THROTTLE_ACCOUNT", "10/hour"),
    },
    # Per-IP throttles read X-Forwarded-For only behind this many trusted proxies; with 0 a
    # client can't dodge them by sending its own header.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "法律咨询网 API",
    "DESCRIPTION": (
        "法律咨询网的公开 JSON API：问题、回答、律师、法规条文与侵犯公民个人信息罪情节评估。\n\n"
        "认证：网站自身的页面使用会话（session）；其他客户端在请求头中发送 "
        "`Authorization: Token <令牌>`（在账户页面创建或撤销令牌）。\n\n"
        "列表使用游标分页：沿响应中的 `next` / `previous` 链接翻页，`page_size` 为 1 到 100。"
        "未知的或格式错误的查询参数返回 400。写操作与评估接口有更严格的频率限制，超出时返回 429 "
        "和 `Retry-After`。"
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The Idempotency-Key header, its 422 and the database-down 503 (portal/api/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api.schema.document_writes",
    ],
    # Choice sets that share values (有效/已修改/已废止 …) get stable names in the schema.
    "ENUM_NAME_OVERRIDES": {
        "LawVersionStatusEnum": "statutes.models.LawVersion.Status",
        "LawKindEnum": "statutes.models.Law.Kind",
        "LawyerStatusEnum": "consult.models.LawyerProfile.Status",
    },
}

# Search terms travel in GET URLs: privacy.logfilter keeps them (and any identifier in another
# query parameter) out of the request lines Django logs. django.server (runserver's access log)
# is redefined as Django's default, with the filter added.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub_query_strings": {"()": "privacy.logfilter.QueryStringFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub_query_strings"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["scrub_query_strings"],
        },
    },
    "loggers": {
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "django.request": {"filters": ["scrub_query_strings"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
