"""British English dates as MagHub prints them: "30 November 2026", "30 Nov 2026", "17:30".

Only what differs from Django's en_GB formats; Django's own module supplies the rest (its
DATETIME_FORMAT, "30 Nov 2026, 5:30 p.m.", is the one the admin's application times use).
Simplified Chinese uses Django's zh_Hans formats as they are ("2026年11月30日").
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
