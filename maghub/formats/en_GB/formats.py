"""British English dates as MagHub prints them: "30 November 2026", "30 Nov 2026", "17:30".

DATETIME_FORMAT stays Django's ("30 Nov 2026, 5:30 p.m."): the admin's application times use it.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, P"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
