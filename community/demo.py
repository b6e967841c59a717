"""Demo content for `make run` (dev only): categories, members from the launch story, threads.

Idempotent: running it again finds what it made before. Every demo member's
password is DEMO_PASSWORD so a developer can log in as any of them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from community.access import MODERATORS_GROUP
from community.models import Category, Membership, Thread

DEMO_PASSWORD = "maghub-demo"  # noqa: S105 (dev-only demo accounts)

# slug, name, description, and their Chinese
CATEGORIES = [
    (
        "customs-trade",
        "Customs & trade",
        "Import rules, HS codes, bonded zones, free-trade pilot schemes.",
        "海关与贸易",
        "进口规则、HS 编码、保税区和自贸试点政策。",
    ),
    (
        "logistics",
        "Logistics",
        "Freight, warehousing, cold chain, last mile.",
        "物流",
        "货运、仓储、冷链和最后一公里配送。",
    ),
    (
        "people-hr",
        "People & HR",
        "Hiring, visas, social insurance, expat life in Shanghai.",
        "人事与人才",
        "招聘、签证、社保，以及外籍员工在上海的生活。",
    ),
    (
        "policy-hongqiao",
        "Policy & Hongqiao",
        "New policies, the Hongqiao hub, district incentives.",
        "政策与虹桥",
        "新政策、虹桥国际枢纽和各区扶持措施。",
    ),
]

# username, full name, company, job title, moderator?
MEMBERS = [
    ("yuki-tanaka", "Yuki Tanaka", "MUJI", "Head of Supply Chain, China", False),
    ("grace-lin", "Grace Lin", "Haleon", "Regulatory Affairs Director", True),
    ("lars-nielsen", "Lars Nielsen", "DSV Air & Sea", "Managing Director, East China", False),
    ("marco-rossi", "Marco Rossi", "RINA", "Country Manager", False),
    ("kenji-sato", "Kenji Sato", "Sumitomo Pharma", "General Affairs Manager", False),
]

THREADS = [
    (
        "customs-trade",
        "yuki-tanaka",
        "Cross-border e-commerce returns: who has a workable process?",
        "We import household goods under the cross-border e-commerce scheme. Returns through the bonded "
        "warehouse take us three weeks. How do others handle it?",
        [
            (
                "lars-nielsen",
                "We run returns consolidation out of Waigaoqiao; happy to compare notes. @yuki-tanaka "
                "the key is pre-declaring the return channel with the warehouse operator.",
            ),
            (
                "kenji-sato",
                "Same question for pharma samples: any experience with the **white list** procedure?",
            ),
        ],
    ),
    (
        "policy-hongqiao",
        "marco-rossi",
        "Hongqiao International Hub: incentives for regional HQs",
        "Has anyone applied for the regional headquarters recognition in Minhang this year? "
        "Which documents did the district ask for?",
        [("grace-lin", "We did last spring. Start with the audited accounts; the rest is quick.")],
    ),
    # Members write in either language; a thread in Chinese and one that mixes both.
    (
        "people-hr",
        "kenji-sato",
        "新同事来沪：工作许可大概要办多久？",
        "下个月有两位日本同事到我们长宁的办公室报到。最近办过外国人工作许可和居留许可的会员，"
        "从递交材料到拿到证件大概用了多久？有哪些材料最好提前准备？",
        [
            (
                "grace-lin",
                "我们今年春天办过两位，前后大约六周。学历和无犯罪记录证明的公证认证最花时间，"
                "建议在对方国内就先办好。",
            ),
            (
                "yuki-tanaka",
                "同意 @grace-lin 的经验。另外各类证明文件请按最新要求准备，提前向办理机构确认最省事。",
            ),
        ],
    ),
    (
        "logistics",
        "lars-nielsen",
        "大虹桥论坛之后：组织一次跨境电商物流交流会？",
        "在 MagHub 2.0 发布的论坛上认识了几家获得认证的出海服务商。"
        "有没有会员愿意在虹桥一起组织一次小型交流会，聊聊海外仓和退货处理？",
        [("marco-rossi", "Count me in. RINA 可以在我们黄浦的办公室提供会议室。")],
    ),
    (
        "people-hr",
        "grace-lin",
        "Welcome to the MagHub community: please read first",
        "This space is for members only. Keep client names out of threads, report posts that share "
        "confidential information, and be kind. Moderators: @grace-lin.",
        [],
    ),
]


def _category(order: int, slug: str, name: str, description: str, name_zh: str, description_zh: str):
    chinese = {"name_zh": name_zh, "description_zh": description_zh}
    defaults = {"name": name, "description": description, "sort_order": order, **chinese}
    category, created = Category.objects.get_or_create(slug=slug, defaults=defaults)
    if not created and not category.name_zh:  # made before categories had Chinese names
        Category.objects.filter(pk=category.pk).update(**chinese)
    return category


def _member(username: str, full_name: str, company: str, job_title: str, moderator: bool):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.com"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(
        user=user,
        defaults={
            "full_name": full_name,
            "company_page": Membership.company_pages().filter(title__iexact=company).first(),
            "company_name": company,
            "job_title": job_title,
            "reason": "Demo member.",
            "state": Membership.State.APPROVED,
            "email_verified_at": timezone.now(),
            "decided_at": timezone.now(),
        },
    )
    if moderator:
        user.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    return user


@transaction.atomic
def load_demo() -> None:
    """Create (once) the demo categories, members, threads and replies."""
    categories = {row[0]: _category(order, *row) for order, row in enumerate(CATEGORIES)}
    members = {row[0]: _member(*row) for row in MEMBERS}
    for category_slug, author, title, body, replies in THREADS:
        category = categories[category_slug]
        if Thread.objects.filter(category=category, title=title).exists():
            continue
        thread = category.start_thread(members[author], title, body)
        for reply_author, reply_body in replies:
            thread.reply(members[reply_author], reply_body)
    pinned = Thread.objects.filter(title=THREADS[-1][2]).first()
    if pinned and not pinned.is_pinned:
        Thread.objects.filter(pk=pinned.pk).update(is_pinned=True)
