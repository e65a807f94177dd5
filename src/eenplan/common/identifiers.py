"""BSNs at rest: encrypted for reading back, and a keyed hash for finding and uniqueness.

A BSN is stored twice, never in plain text:

- ``encrypt_bsn``: a Fernet token (AES-128-CBC with HMAC-SHA256). Keys come from
  ``settings.BSN_ENCRYPTION_KEYS``: the first encrypts, every key decrypts, so a new key can be
  put in front while rows still carry tokens of the old one.
- ``bsn_digest``: HMAC-SHA256 with the first of ``settings.BSN_HASH_KEYS``. Encryption is
  randomised, so equal BSNs only meet in the digest: searching, logging in with DigiD and the
  unique constraint use it. ``bsn_digests`` gives the digest under every configured hash key,
  so lookups keep working between a change of hash key and the rotation run.

The same encryption keeps other personal text unreadable at rest (``encrypt_text``, used by
``common.fields.EncryptedTextField`` for iWmo/iJw messages, which carry BSNs).

``eenplan rotate-bsn-keys`` moves every row to the first keys (see docs/security.md).
"""

import base64
import hashlib
import hmac
import re
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class BsnKeyError(ImproperlyConfigured):
    """The configured keys cannot encrypt, decrypt or hash a BSN (or other encrypted text)."""


_TOKEN_TEXT = re.compile(r"gAAAAA[A-Za-z0-9_-]+={0,2}")


def encrypt_text(text: str) -> str:
    """A Fernet token of ``text`` under the first key of EENPLAN_BSN_KEYS."""
    return _fernet(tuple(settings.BSN_ENCRYPTION_KEYS)).encrypt(text.encode()).decode()


def decrypt_text(token: str) -> str:
    try:
        return _fernet(tuple(settings.BSN_ENCRYPTION_KEYS)).decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise BsnKeyError(
            "An encrypted BSN or message does not decrypt with any key in EENPLAN_BSN_KEYS: an "
            "old key was removed before 'eenplan rotate-bsn-keys' ran, or the stored value was "
            "changed."
        ) from error


def rotate_token(token: str) -> str | None:
    """The token encrypted with the first key; None when it already is."""
    keys = tuple(settings.BSN_ENCRYPTION_KEYS)
    try:
        _fernet(keys[:1]).decrypt(token.encode())
    except InvalidToken:
        return encrypt_text(decrypt_text(token))
    return None


def is_token(value: str) -> bool:
    """Whether ``value`` has the form of a Fernet token (version byte 0x80, then timestamp, IV,
    whole AES blocks and HMAC); plain XML or a BSN never has."""
    if not _TOKEN_TEXT.fullmatch(value):
        return False
    try:
        data = base64.urlsafe_b64decode(value)
    except ValueError:  # wrong padding
        return False
    return data[0] == 0x80 and len(data) >= 73 and (len(data) - 57) % 16 == 0


# The BSN names read better where a BSN is meant.
encrypt_bsn, decrypt_bsn, rotate_bsn_token = encrypt_text, decrypt_text, rotate_token


def bsn_digest(bsn: str, key: str | None = None) -> str:
    """HMAC-SHA256 of the BSN, in hex, with ``key`` or else the first configured hash key."""
    secret = key if key is not None else _hash_keys()[0]
    return hmac.new(secret.encode(), bsn.encode(), hashlib.sha256).hexdigest()


def bsn_digests(bsn: str) -> list[str]:
    """The digest under every configured hash key, the current one first."""
    return [bsn_digest(bsn, key) for key in _hash_keys()]


def _hash_keys() -> list[str]:
    keys = [key for key in settings.BSN_HASH_KEYS if key]
    if not keys:
        raise BsnKeyError("EENPLAN_BSN_HASH_KEYS must hold at least one key.")
    return keys


@lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not any(keys):
        raise BsnKeyError("EENPLAN_BSN_KEYS must hold at least one Fernet key.")
    try:
        return MultiFernet([Fernet(key) for key in keys if key])
    except ValueError as error:
        raise BsnKeyError(
            "Every key in EENPLAN_BSN_KEYS must be a Fernet key: 32 url-safe base64-encoded "
            "bytes, e.g. from 'python -c \"from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())\"'."
        ) from error
