"""Settings safe to deploy as they are: DEBUG off, secrets only from the environment.

dev.py relaxes them for a laptop, test.py for the test suite, production.py
adds what a real deployment behind a proxy needs.
"""

import os
from pathlib import Path

import dj_database_url

from maghub.cache import cache_settings
from maghub.content_security import SITE_DIRECTIVES

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "maghub"

# No default: Django refuses to start with an empty key.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "home",
    "news",
    "community",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "maghub.apps.UsersConfig",  # wagtail.users, with the group purposes in the user editor
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "maghub.two_factor",
]

MIDDLEWARE = [
    # First, so every log line and response (redirects included) carries the request id.
    "maghub.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "maghub.page_cache.AnonymousPageCache",
    # Content-Security-Policy on every page: strict for the site, its own for /admin/. Inside the
    # page cache, so a cached page is stored with its policy rather than have it rebuilt per hit.
    "maghub.content_security.SitePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the path alone: English unprefixed, Chinese under /zh/ (maghub/i18n.py).
    "maghub.i18n.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "maghub.middleware.RefuseNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in for the admin (maghub/two_factor): after the session's user is known.
    "maghub.two_factor.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A member's community and account pages in their own language (community/member_language.py).
    "community.member_language.MemberLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "maghub.sites.CachedSiteMiddleware",
]

ROOT_URLCONF = "maghub.urls"
WSGI_APPLICATION = "maghub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "community.context_processors.account",
                "home.context_processors.footer_links",
            ],
            # maghub is the project package, not an app: its tag libraries are named here.
            "libraries": {
                "maghub_tags": "maghub.templatetags.maghub_tags",
                "reading_tags": "maghub.templatetags.reading_tags",
                "seo_tags": "maghub.templatetags.seo_tags",
            },
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/community/"
LOGOUT_REDIRECT_URL = "/"

# English at the site's unprefixed URLs, Simplified Chinese under /zh/ (maghub/i18n.py). Pages are
# translated in the admin with Wagtail's simple_translation: a Chinese page starts as a copy of
# the English one, linked to it by its translation key, and is rewritten in the page editor.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("zh-hans", "简体中文")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# The project's own message catalogue (locale/zh_Hans), compiled by `manage.py compilemessages`.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them ("30 Nov 2026", "2026年11月30日"): templates name a format;
# maghub/formats holds where MagHub's English differs from Django's.
FORMAT_MODULE_PATH = ["maghub.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# A cache every worker shares and no request writes to the database for: Redis when REDIS_URL
# is set (docker-compose), files on the machine otherwise (`make run`). See maghub/cache.py.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {"default": cache_settings(REDIS_URL, os.environ.get("CACHE_DIR", BASE_DIR / ".cache"))}
# Content-Security-Policy (django-csp): see maghub/content_security.py for both policies.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": SITE_DIRECTIVES}
ADMIN_CSP_PREFIX = "/admin/"

# Two-factor sign-in (django-otp, TOTP): any admin user may enrol; these groups and superusers must.
TWO_FACTOR_REQUIRED_GROUPS = ["Administrators"]
OTP_TOTP_ISSUER = "MagHub"

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Whole pages for cookieless readers, dropped whenever published content changes
# (maghub/page_cache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = 10 * 60
PAGE_CACHE_EXCLUDED_PATHS = (
    "/admin/",
    "/community/",
    "/accounts/",
    "/documents/",
    "/healthz",
    "/api/search/",
)

# Slow or failing work (mail, notifications, index writes) goes through django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# What `manage.py recover_tasks` (maghub/task_recovery.py) puts back in the queue: a task RUNNING
# longer than the lease lost its worker; one that failed on an outage is retried after a back-off
# doubling from TASK_RETRY_SECONDS, TASK_MAX_ATTEMPTS times in all (30 s ... 32 min for 7 tries).
TASK_LEASE_SECONDS = int(os.environ.get("TASK_LEASE_SECONDS", str(15 * 60)))
TASK_RETRY_SECONDS = int(os.environ.get("TASK_RETRY_SECONDS", "30"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "7"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
# A mail server that accepts and never answers would otherwise hold a worker for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MagHub <noreply@maghub.example>")

WAGTAIL_SITE_NAME = "MagHub Shanghai"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CreditedImage"
WAGTAILIMAGES_FORMAT_CONVERSION = {"avif": "webp", "heic": "webp"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "txt", "xlsx", "zip"]
# The admin's own search stays on the database; the public index belongs to search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin, like the site, loads nothing from another origin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Public search: Elasticsearch when configured, the database otherwise.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "maghub")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# The client's transport node class; None is the client's own (production: Elasticsearch 8).
# The test and dev settings select search.opensearch.OpenSearchNode for the local OpenSearch engine.
ELASTICSEARCH_NODE_CLASS = None

# Plain lines with the request id here and in dev; production.py switches to one JSON object a line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "maghub.request_log.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "maghub.request_log.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
