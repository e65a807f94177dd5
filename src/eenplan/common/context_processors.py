"""Template context shared by every page."""

from eenplan.privacy import policy


def navigation(request) -> dict:
    """Which items the main menu shows to the logged-in user."""
    user = getattr(request, "user", None)
    return {"show_access_log": policy.may_read_access_log(user)}
