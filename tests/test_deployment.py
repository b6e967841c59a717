"""docker-compose.yml cannot run here (no Docker engine), so its shape is checked instead."""

import os
import runpy
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def command(service):
    value = service["command"]
    return value if isinstance(value, str) else " ".join(value)


def test_services_and_images(services):
    assert {"web", "worker", "scheduler", "postgres", "elasticsearch"} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:16")
    assert services["elasticsearch"]["image"].startswith("docker.elastic.co/elasticsearch/elasticsearch:8.")
    assert services["web"]["build"] == "." and (ROOT / "Dockerfile").exists()


def test_web_is_gunicorn_with_production_settings(services):
    web = services["web"]
    assert command(web) == "gunicorn -c gunicorn.conf.py maghub.wsgi"
    assert web["ports"] == ["8000:8000"]
    env = web["environment"]
    assert env["DJANGO_SETTINGS_MODULE"] == "maghub.settings.production"
    for name in ("SECRET_KEY", "DATABASE_URL", "ELASTICSEARCH_URL", "ALLOWED_HOSTS", "REDIS_URL"):
        assert env[name], name
    assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
    assert env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert "${SECRET_KEY:?" in env["SECRET_KEY"]  # no default secret: compose refuses to start without one


def test_gunicorn_conf_serves_on_port_with_workers_from_the_cpus(monkeypatch):
    monkeypatch.setenv("PORT", "8000")
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["workers"] == os.cpu_count() * 2 + 1
    assert conf["timeout"] > 0 and conf["keepalive"] > 0
    assert conf["max_requests"] > 0 and 0 < conf["max_requests_jitter"] < conf["max_requests"]
    assert conf["accesslog"] == "-" and "%(D)s" in conf["access_log_format"]


def test_the_cache_is_a_redis_every_web_worker_shares(services):
    assert services["web"]["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert services["redis"]["image"].startswith("redis:")
    assert "allkeys-lru" in command(services["redis"])
    assert services["web"]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_web_waits_for_healthy_database_and_search(services):
    depends = services["web"]["depends_on"]
    assert depends["postgres"]["condition"] == "service_healthy"
    assert depends["elasticsearch"]["condition"] == "service_healthy"
    assert depends["migrate"]["condition"] == "service_completed_successfully"


def test_search_index_is_brought_up_to_date_on_deploy(services):
    upgrade = services["search-index"]
    assert command(upgrade) == "python manage.py search_index --upgrade"
    assert upgrade["restart"] == "no"
    assert upgrade["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert upgrade["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert "search-index" not in services["web"]["depends_on"]  # pages never wait on search


def test_background_services(services):
    assert command(services["worker"]) == "python manage.py db_worker"
    assert "manage.py publish_scheduled" in command(services["scheduler"])
    assert "sleep 60" in command(services["scheduler"])
    assert "manage.py recover_tasks" in command(services["scheduler"])
    assert "manage.py search_index --sync" in command(services["scheduler"])
    assert services["worker"]["environment"]["DJANGO_SETTINGS_MODULE"] == "maghub.settings.production"


@pytest.mark.parametrize("name", ["web", "worker", "scheduler", "postgres", "elasticsearch"])
def test_every_long_running_service_has_a_health_check(services, name):
    healthcheck = services[name]["healthcheck"]
    assert healthcheck["test"][0] in ("CMD", "CMD-SHELL")
    assert healthcheck["interval"] and healthcheck["retries"]


def test_elasticsearch_single_node_with_explicit_security(services):
    env = services["elasticsearch"]["environment"]
    assert env["discovery.type"] == "single-node"
    for setting in ("xpack.security.enabled", "xpack.security.http.ssl.enabled"):
        assert setting in env
    assert "ports" not in services["elasticsearch"]  # reachable only on the compose network


def test_named_volumes(compose, services):
    assert {"postgres-data", "elasticsearch-data", "media"} <= set(compose["volumes"])
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "elasticsearch-data:/usr/share/elasticsearch/data" in services["elasticsearch"]["volumes"]
