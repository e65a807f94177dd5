"""Serializers of API v1: input validation (query parameters, request bodies) and output.

They hold no access rules: every object they receive was read through a selector, which already
applied ``visible_to(user)`` and wrote the access log.
"""
