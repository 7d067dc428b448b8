"""Voilà's script, style and font files: kept by the browser, and sent compressed.

A page of the apps loads about 90 files of Voilà and its widget extensions (4.5 MB). Voilà sends them
uncompressed, and the labextensions' with ``Cache-Control: no-cache`` (the browser asks again for each, every
page). ``StaticTransform`` changes the answers to GET requests under Voilà's file folders:

- ``Cache-Control``: a file whose name carries its content's hash (webpack's ``84.09c61a35dce1705f.js``) or
  whose address carries it (``?v=…``) is kept a year (``immutable``); others (``voila.js``, Voilà's numbered
  chunks) ``MAX_AGE`` seconds, then asked again with their ``ETag``/``Last-Modified`` (a 304 if unchanged): a
  participant's second page, or the same page again, loads them from the browser's cache;
- gzip for text files (scripts, styles, SVG, JSON) when the browser accepts it: the compressed body is made
  once per file version and kept in memory (``CACHE_BYTES`` at most), so a class opening the apps costs the
  server no compression after the first visitor; 4.5 MB become about 1.3 MB over the classroom's network.

Standalone Voilà: ``identity.ClassroomIdentityProvider`` adds the transform to the application at the first
request (``install``); under jupyter_server this package's server extension adds it when loaded.
"""

from __future__ import annotations

import gzip
import re
import threading
from typing import Any

from tornado import httputil, web

FOLDERS = ("/voila/static/", "/voila/templates/", "/voila/labextensions/", "/voila/api/themes/")
HASHED = re.compile(r"[./-][0-9a-f]{16,}\.[a-z0-9]+$")  # webpack's content hash in the file name
YEAR = 365 * 24 * 3600
MAX_AGE = 3600  # a class's length; then one revalidation (304) per file
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
MIN_LENGTH = 1024
LEVEL = 6
CACHE_BYTES = 32 * 2**20

_cache: dict[tuple[str, str, str], bytes] = {}
_cache_size = 0
_lock = threading.Lock()


def is_static(request: httputil.HTTPServerRequest) -> bool:
    return request.method in ("GET", "HEAD") and any(part in request.path for part in FOLDERS)


def cache_control(request: httputil.HTTPServerRequest) -> str:
    if "v" in request.query_arguments or HASHED.search(request.path):
        return f"public, max-age={YEAR}, immutable"
    return f"public, max-age={MAX_AGE}"


def compressed(key: tuple[str, str, str], body: bytes) -> bytes:
    """The gzip of ``body``, made once per ``key`` (path, version, length) while the cache has room."""
    global _cache_size
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    packed = gzip.compress(body, compresslevel=LEVEL, mtime=0)
    with _lock:
        if key not in _cache and _cache_size + len(packed) <= CACHE_BYTES:
            _cache[key] = packed
            _cache_size += len(packed)
    return packed


class StaticTransform(web.OutputTransform):
    """Cache headers and cached gzip for Voilà's files; see the module's docstring."""

    def __init__(self, request: httputil.HTTPServerRequest) -> None:
        self.request = request
        self.active = is_static(request)
        self.gzip = self.active and request.method == "GET" and "gzip" in request.headers.get("Accept-Encoding", "")
        self.parts: list[bytes] = []
        self.key = ("", "", "")

    def transform_first_chunk(self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes,
                              finishing: bool) -> tuple[int, httputil.HTTPHeaders, bytes]:
        if not self.active or status_code not in (200, 304):
            self.gzip = False
            return status_code, headers, chunk
        headers["Cache-Control"] = cache_control(self.request)
        ctype = headers.get("Content-Type", "").split(";")[0].strip()
        if not ctype.startswith(COMPRESSIBLE):
            self.gzip = False
            return status_code, headers, chunk
        headers["Vary"] = "Accept-Encoding"
        length = headers.get("Content-Length", "")
        self.gzip = (self.gzip and status_code == 200 and "Content-Encoding" not in headers
                     and "Content-Range" not in headers and not (length.isdigit() and int(length) < MIN_LENGTH))
        if not self.gzip:
            return status_code, headers, chunk
        self.key = (self.request.path, headers.get("Etag", "") or headers.get("Last-Modified", ""), length)
        headers["Content-Encoding"] = "gzip"
        if finishing:
            body = compressed(self.key, chunk)
            headers["Content-Length"] = str(len(body))
            return status_code, headers, body
        headers.pop("Content-Length", None)  # sent chunked: the file arrives in several writes
        return status_code, headers, self.transform_chunk(chunk, finishing)

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        if not self.gzip:
            return chunk
        self.parts.append(chunk)
        if not finishing:
            return b""
        return compressed(self.key, b"".join(self.parts))


def install(application: Any) -> None:
    """Add the transform to a tornado application's (once; before any compression of its own)."""
    transforms = getattr(application, "transforms", None)
    if transforms is not None and StaticTransform not in transforms:
        transforms.insert(0, StaticTransform)
