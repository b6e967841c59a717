"""Community views: forum.py (reading and writing), moderation.py, accounts.py (membership)."""
