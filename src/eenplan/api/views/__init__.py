"""Views of API v1: thin adapters from HTTP to selectors and services.

A view validates its input with a serializer, calls one selector or service with the user, and
renders the result. Access rules live in ``eenplan.privacy.policy`` and are applied by the
selectors; an object the user may not see raises ``DoesNotExist`` there and becomes a 404 in
``eenplan.api.exceptions``.
"""
