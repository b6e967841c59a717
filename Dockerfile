# MagHub web image: gunicorn serving maghub.settings.production; static files by whitenoise.

# The site's self-hosted fonts, from the npm packages in package-lock.json (no test tools).
FROM node:20-slim AS fonts
WORKDIR /build
COPY package.json package-lock.json ./
COPY scripts/build-fonts.sh scripts/
RUN NPM_CI_FLAGS=--omit=dev ./scripts/build-fonts.sh

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=maghub.settings.production \
    MEDIA_ROOT=/app/media \
    PORT=8000

WORKDIR /app
# procps: pgrep for the worker and scheduler health checks. gettext: msgfmt compiles the message
# catalogues below.
RUN apt-get update && apt-get install -y --no-install-recommends procps gettext && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 maghub

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .
COPY --from=fonts /build/maghub/static/fonts maghub/static/fonts
# collectstatic and compilemessages need no secrets or database: run them with the base settings
# and a throwaway key. The compiled catalogues (.mo) are built here, never committed.
RUN SECRET_KEY=collectstatic-only DJANGO_SETTINGS_MODULE=maghub.settings.base \
    python manage.py collectstatic --noinput --verbosity 0 \
 && SECRET_KEY=collectstatic-only DJANGO_SETTINGS_MODULE=maghub.settings.base \
    python manage.py compilemessages --verbosity 0 \
 && mkdir -p /app/media /app/.cache && chown -R maghub:maghub /app/media /app/.cache

USER maghub
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "maghub.wsgi"]
