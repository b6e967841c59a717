"""The simulated users of the load benchmark: each one an asyncio loop over its own HTTP session
(cookies, CSRF tokens, the site's real forms), until the plan's deadline.

- readers browse the public pages anonymously (as cookieless readers, they get the page cache);
- searchers use the search page and the search JSON API;
- members log in, read the community, reply and start threads (within their own posting limit);
- the editor logs into the Wagtail admin and publishes articles through its page editor.

Every write carries a unique token in its text, so that afterwards the database and the search
index can be asked whether each acknowledged write is there exactly once.
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import httpx

TIMEOUT = httpx.Timeout(60.0)
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
POST_URL = re.compile(r"^/community/p/(\d+)/$")
THREAD_URL = re.compile(r"^/community/t/(\d+)/$")
#: Kinds of request made before the clock starts (signing in, warming up).
WARM_UP = "warm-up"
BEFORE_THE_CLOCK = ("login", "admin login", WARM_UP)
MEMBER_PAUSE = (0.5, 1.5)  # seconds a member reads before the next step
EDITOR_PAUSE = (0.5, 1.5)


@dataclass
class Timings:
    """One kind of request: its latencies (s), HTTP statuses and transport failures."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)

    def summary(self, seconds: float) -> dict:
        ordered = sorted(self.latencies)
        quantiles = (
            statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else ordered * 99
        )
        return {
            "requests": len(ordered) + sum(self.failures.values()),
            "per_second": round(len(ordered) / seconds, 1),
            "p50_ms": round(quantiles[49] * 1000, 1) if ordered else None,
            "p99_ms": round(quantiles[98] * 1000, 1) if ordered else None,
            "5xx": sum(n for status, n in self.statuses.items() if status >= 500),
            "4xx": sum(n for status, n in self.statuses.items() if 400 <= status < 500),
            "statuses": {str(status): n for status, n in sorted(self.statuses.items())},
            "transport_failures": dict(self.failures),
        }


@dataclass
class Write:
    """One write a client attempted; ``pk`` is set once the site acknowledged it."""

    kind: str
    token: str = field(default_factory=lambda: f"loadtoken{uuid.uuid4().hex}")
    pk: int | None = None
    status: int | None = None


@dataclass
class Plan:
    """What the clients share: where to go, until when, and what they recorded."""

    base_url: str
    seconds: float
    pages: list[str]
    queries: list[str]
    categories: list[str]
    threads: list[int]
    news_index: int
    members: list[str]
    member_password: str
    editor: tuple[str, str]
    posts_per_minute: int
    cpu_seconds: Callable[[], float] = lambda: 0.0  # the site's CPU so far
    timings: dict[str, Timings] = field(default_factory=lambda: defaultdict(Timings))
    writes: list[Write] = field(default_factory=list)
    deadline: float = 0.0
    cpu_used: float = 0.0  # the site's CPU seconds while the clock ran

    def running(self) -> bool:
        return time.monotonic() < self.deadline

    def write(self, kind: str) -> Write:
        self.writes.append(write := Write(kind))
        return write


class Session:
    """One user's HTTP session against gunicorn, timing every request under a kind."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.origin = "https://" + httpx.URL(plan.base_url).netloc.decode()
        self.http = httpx.AsyncClient(
            base_url=plan.base_url,
            headers={"X-Forwarded-Proto": "https"},
            timeout=TIMEOUT,
        )

    async def get(self, kind: str, url: str) -> httpx.Response | None:
        return await self._send(kind, "GET", url)

    async def post(self, kind: str, url: str, data: dict) -> httpx.Response | None:
        # The browser's Origin header: Django's CSRF check compares it with the (https) host.
        return await self._send(kind, "POST", url, data=data, headers={"Origin": self.origin})

    async def form_token(self, kind: str, url: str) -> str | None:
        """GET a form page; the CSRF token in its form, or None when the page did not come."""
        response = await self.get(kind, url)
        match = response is not None and response.status_code == 200 and CSRF_TOKEN.search(response.text)
        return match.group(1) if match else None

    async def _send(self, kind: str, method: str, url: str, **options) -> httpx.Response | None:
        timings = self.plan.timings[kind]
        started = time.perf_counter()
        try:
            response = await self.http.request(method, url, **options)
        except httpx.HTTPError as error:
            timings.failures[type(error).__name__] += 1
            return None
        timings.latencies.append(time.perf_counter() - started)
        timings.statuses[response.status_code] += 1
        # The site's cookies are Secure: the TLS-terminating proxy in front of gunicorn, which the
        # X-Forwarded-Proto header stands for, would carry them over HTTPS; here they go over HTTP.
        for cookie in self.http.cookies.jar:
            cookie.secure = False
        return response

    async def aclose(self) -> None:
        await self.http.aclose()


def acknowledge(write: Write, response: httpx.Response | None, location: re.Pattern) -> int | None:
    """The id the site's redirect names for ``write`` (a 302 to its URL), or None."""
    if response is None:
        return None
    write.status = response.status_code
    match = response.status_code == 302 and location.match(response.headers.get("location", ""))
    write.pk = int(match.group(1)) if match else None
    return write.pk


async def reader(session: Session) -> None:
    plan = session.plan
    while plan.running():
        await session.get("page", random.choice(plan.pages))


async def searcher(session: Session) -> None:
    plan = session.plan
    while plan.running():
        query = urlencode({"q": random.choice(plan.queries)})
        if random.random() < 0.5:
            await session.get("search page", f"/search/?{query}")
        else:
            await session.get("search API", f"/api/search/?{query}")


async def log_in(session: Session, kind: str, url: str, username: str, password: str, then: str) -> bool:
    """Log in through a Django login form at ``url``; True when it redirected."""
    token = await session.form_token(kind, url)
    data = {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": then}
    response = token and await session.post(kind, url, data)
    return bool(response) and response.status_code == 302


class PostingWindow:
    """A member posts at most ``limit`` times in each minute of the clock (the site's own limit
    is per user and per fixed minute, community/ratelimit.py): a person, not a flood."""

    def __init__(self, limit: int):
        self.limit, self.minute, self.used = limit, None, 0

    def take(self) -> bool:
        minute = int(time.time() // 60)
        if minute != self.minute:
            self.minute, self.used = minute, 0
        if self.used >= self.limit:
            return False
        self.used += 1
        return True


async def reply(session: Session, thread: int) -> None:
    url = f"/community/t/{thread}/reply/"
    token = await session.form_token("reply form", url)
    if token is None:
        return
    write = session.plan.write("reply")
    body = f"Replying under load: {write.token}. Our freight forwarder saw the same in Waigaoqiao."
    acknowledge(
        write, await session.post("reply", url, {"csrfmiddlewaretoken": token, "body": body}), POST_URL
    )


async def start_thread(session: Session, category: str) -> None:
    plan, url = session.plan, f"/community/c/{category}/new/"
    token = await session.form_token("thread form", url)
    if token is None:
        return
    write = plan.write("thread")
    data = {
        "csrfmiddlewaretoken": token,
        "title": f"Customs question {write.token}",
        "body": f"Has anyone cleared samples through the bonded zone this month? {write.token}",
    }
    if acknowledge(write, await session.post("thread", url, data), THREAD_URL):
        plan.threads.append(write.pk)


async def member_login(session: Session, username: str) -> bool:
    password = session.plan.member_password
    return await log_in(session, "login", "/accounts/login/", username, password, "/community/")


async def member(session: Session) -> None:
    plan = session.plan
    window = PostingWindow(plan.posts_per_minute)
    while plan.running():
        await session.get("community read", "/community/")
        thread = random.choice(plan.threads)
        await session.get("community read", f"/community/t/{thread}/")
        if window.take():
            if random.random() < 0.2:
                await start_thread(session, random.choice(plan.categories))
            else:
                await reply(session, thread)
        elif random.random() < 0.5:
            await session.get("search page", f"/search/?{urlencode({'q': random.choice(plan.queries)})}")
        await asyncio.sleep(random.uniform(*MEMBER_PAUSE))


async def editor_login(session: Session) -> bool:
    """The editor's way into the Wagtail admin: the one place to change if the admin asks more."""
    username, password = session.plan.editor
    return await log_in(session, "admin login", "/admin/login/", username, password, "/admin/")


async def publish_article(session: Session, article_form) -> None:
    """Publish a new article through the admin's page editor; its id comes from the edit link
    the admin shows (in its message and listing) next to the new, unique title."""
    plan = session.plan
    url = f"/admin/pages/add/news/articlepage/{plan.news_index}/"
    token = await session.form_token("admin page", url)
    if token is None:
        return
    write = plan.write("publish")
    title = f"Lingang adds a third shift {write.token}"
    data = {
        **article_form(title, write.token),
        "csrfmiddlewaretoken": token,
        "action-publish": "action-publish",
    }
    response = await session.post("publish", url, data)
    if response is None:
        return
    write.status = response.status_code
    if response.status_code != 302:
        return
    listing = await session.get("admin page", response.headers["location"])
    edit_link = re.compile(re.escape(title) + r".*?/admin/pages/(\d+)/edit/", re.S)
    match = listing is not None and edit_link.search(listing.text)
    write.pk = int(match.group(1)) if match else None


async def editor(session: Session, article_form) -> None:
    plan = session.plan
    while plan.running():
        await session.get("admin page", f"/admin/pages/{plan.news_index}/")
        await publish_article(session, article_form)
        await asyncio.sleep(random.uniform(*EDITOR_PAUSE))


async def warm_up(session: Session, url: str) -> None:
    """Each worker has served a page of each kind once: a server in service is warm."""
    await session.get(WARM_UP, url)


async def drive(plan: Plan, clients: int, article_form) -> float:
    """Run ``clients`` users (a quarter members, a quarter searchers, one editor, the rest
    readers) for the plan's seconds; returns the seconds it took, in-flight requests included.

    Before the clock starts the members and the editor sign in (a slow password hash each, by
    design) and the workers are warmed up: the figures are those of a site in service.
    """
    members = plan.members[: max(1, clients // 4)]
    searchers = max(1, clients // 4)
    readers = max(1, clients - len(members) - searchers - 1)
    sessions = [Session(plan) for _ in range(len(members) + searchers + readers + 1)]
    editor_session, member_sessions = sessions[0], sessions[1 : 1 + len(members)]
    others = sessions[1 + len(members) :]
    try:
        signed_in = await asyncio.gather(
            editor_login(editor_session), *(map(member_login, member_sessions, members))
        )
        warm = [*plan.pages[:8], f"/search/?q={plan.queries[0]}", f"/api/search/?q={plan.queries[0]}"]
        await asyncio.gather(*(warm_up(session, url) for session, url in zip(others, warm * 4, strict=False)))
        behaviours = [
            *([editor(editor_session, article_form)] if signed_in[0] else []),
            *(member(s) for s, ok in zip(member_sessions, signed_in[1:], strict=True) if ok),
            *(searcher(s) for s in others[:searchers]),
            *(reader(s) for s in others[searchers:]),
        ]
        started, cpu = time.monotonic(), plan.cpu_seconds()
        plan.deadline = started + plan.seconds
        await asyncio.gather(*behaviours)
        plan.cpu_used = plan.cpu_seconds() - cpu
    finally:
        await asyncio.gather(*(session.aclose() for session in sessions))
    return time.monotonic() - started
