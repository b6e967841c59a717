"""Two-factor sign-in (TOTP) for the Wagtail admin, on django-otp and its TOTP plugin.

Any admin user may enrol an authenticator app; members of the groups in
TWO_FACTOR_REQUIRED_GROUPS (and superusers) must. Once a user has a device, no /admin/ page
is served to a session that has not given a code from it.
"""
