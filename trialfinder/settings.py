"""Settings for trialfinder, read from the environment and nowhere else.

Every variable is listed in .env.example. Safe local defaults apply only while
DEBUG is on; production (DEBUG off) must say what it wants.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "false")

SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off"
            " (for local development and manage.py commands, set DEBUG=true; see .env.example)"
        )
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set when DEBUG is off"
        " (for local development and manage.py commands, set DEBUG=true; see .env.example)"
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "trialfinder.core",
    "trialfinder.trials",
    "trialfinder.glossary",
    "trialfinder.registry",
    "trialfinder.staff",
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "trialfinder.core.security.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # ETags from the page content, and 304s for unchanged pages.
    "django.middleware.http.ConditionalGetMiddleware",
    "trialfinder.core.health.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After OTPMiddleware: staff with an authenticator app must have given its code.
    "trialfinder.core.twofactor.StaffTwoFactorMiddleware",
    "trialfinder.core.security.StaffSessionMiddleware",
    "trialfinder.core.ratelimit.RateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "trialfinder.urls"
WSGI_APPLICATION = "trialfinder.wsgi.application"

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
                "trialfinder.context_processors.site",
            ],
        },
    },
]

# SQLite is the embedded default so a newcomer needs no server; production
# sets DATABASE_URL=postgres://...
DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        # A connection dropped while the database restarted is replaced on the next
        # request instead of failing it: the site recovers by itself.
        conn_health_checks=True,
    )
}
# Optional read replica: anonymous public reads go there; writes, staff and the admin
# stay on the primary (trialfinder/core/dbrouter.py).
if os.getenv("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
    # The test run reads the primary's test database through the replica alias.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["trialfinder.core.dbrouter.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# British English dates and numbers (USE_L10N is always on). The site has one language, and
# its messages are their own English: with translation on, each one missed through the six
# English catalogues Django and its apps bring (35 µs a {% translate %}, 4 ms a results
# page). The messages stay marked, so a second language is this switch and a catalogue.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.getenv(
            "STATICFILES_BACKEND",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Lets `runserver` and the tests serve static files without running collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Redis when several processes or machines must share rate limits and cached counts.
REDIS_URL = os.getenv("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "trialfinder",
            # Django's default of 300 entries holds the cards of 15 results pages: past
            # that it culls a third at a time and searches recompute what they just stored.
            # Cards and counts are small (about 1 KB each), so this is tens of megabytes.
            "OPTIONS": {"MAX_ENTRIES": int(os.getenv("LOCAL_CACHE_ENTRIES", "20000"))},
        }
    )
}

# Shown on every page as the place to ask a cancer nurse.
# Off only while a backup is restored (ops/restore.sh): the backup has the history.
SIMPLE_HISTORY_ENABLED = envbool("SIMPLE_HISTORY_ENABLED", "true")

NURSE_PHONE = os.getenv("NURSE_PHONE", "0808 800 4040")
NURSE_PHONE_HOURS = os.getenv("NURSE_PHONE_HOURS", "Monday to Friday, 9am to 5pm")
SITE_NAME = os.getenv("SITE_NAME", "Trial finder")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}

# Security (issue 9). Every default below is the secure one while DEBUG is off and the
# relaxed one for local development; each can be overridden from the environment.
ADMIN_URL = os.getenv("ADMIN_URL", "admin/")
if ADMIN_URL.startswith("/") or not ADMIN_URL.endswith("/"):
    raise ImproperlyConfigured(f'ADMIN_URL must look like "admin/", got {ADMIN_URL!r}')

SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false" if DEBUG else "true")
# Load balancer probes often speak plain http to the instance.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "false" if DEBUG else "true"
)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false" if DEBUG else "true")
# Behind a TLS-terminating proxy that sets it, e.g. "HTTP_X_FORWARDED_PROTO,https".
# Never set it without such a proxy: clients could then claim https themselves.
_proxy_ssl_header = envlist("SECURE_PROXY_SSL_HEADER", "")
if _proxy_ssl_header and len(_proxy_ssl_header) != 2:
    raise ImproperlyConfigured(
        'SECURE_PROXY_SSL_HEADER must look like "HTTP_X_FORWARDED_PROTO,https"'
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) or None
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "false" if DEBUG else "true")
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", "false" if DEBUG else "true")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Added to every response by trialfinder.core.security.PermissionsPolicyMiddleware.
PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=(), payment=(), usb=()"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Sessions live in the database (through Redis too when it is configured), so every web
# process and machine sees the same logins. Cached sessions without a shared cache
# could keep a logged-out session alive in another process, hence plain "db" then.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 60 * 60))
# Staff sessions end after this many idle seconds (trialfinder.core.security).
STAFF_IDLE_TIMEOUT = envint("STAFF_IDLE_TIMEOUT", str(30 * 60))

# Staff login lockout (django-axes; attempts are stored in the database).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "30"))
# One person guessing at one account from one address; others can still sign in.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "403.html"
AXES_CLIENT_IP_CALLABLE = "trialfinder.core.security.client_ip"
# Failed attempts keep the form data; never the password or the authentication code.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]

# Optional two-step sign-in for staff (django-otp, trialfinder.core.twofactor): staff who
# have set up an authenticator app at /staff/two-factor/ give its code at login. When
# true, staff without one must set one up before any admin or staff page.
STAFF_REQUIRE_2FA = envbool("STAFF_REQUIRE_2FA", "false")
# The name authenticator apps show next to the code.
OTP_TOTP_ISSUER = SITE_NAME
# The admin may remove a staff member's device (a lost phone) but never shows its key.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Per-address limit on the search pages: "requests/seconds". Counted in the cache, so
# set REDIS_URL for a limit shared by all processes.
TRUSTED_PROXY = envbool("TRUSTED_PROXY", "false")
RATE_LIMIT_SEARCH = os.getenv("RATE_LIMIT_SEARCH", "60/60")
try:
    _limit, _period = (int(part) for part in RATE_LIMIT_SEARCH.split("/"))
except ValueError:
    raise ImproperlyConfigured(
        f'RATE_LIMIT_SEARCH must look like "60/60", got {RATE_LIMIT_SEARCH!r}'
    ) from None
RATE_LIMIT_SEARCH_REQUESTS, RATE_LIMIT_SEARCH_SECONDS = _limit, _period

# Browser and proxy caching of anonymous public pages (trialfinder.core.caching).
PUBLIC_CACHE_SECONDS = envint("PUBLIC_CACHE_SECONDS", "300")
# The server's own cache of anonymous pages (0 turns it off). Edits make pages fresh at
# once whatever this is; it bounds how long an unchanged page is kept.
# Off by default with DEBUG on: an edited template would not show until the page expired.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", "0" if DEBUG else "600")
# Unhashed static files; hashed ones are cached forever by WhiteNoise.
WHITENOISE_MAX_AGE = envint("WHITENOISE_MAX_AGE", "0" if DEBUG else "3600")
