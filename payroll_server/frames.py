"""Checks of kernel websocket frames before jupyter_server and Voilà parse them.

Two library readers trust a count at the start of a binary frame and loop that many times (docs/security.md):
jupyter_server's ``deserialize_msg_from_ws_v1`` (8-byte count, v1 protocol) and Voilà's
``read_header_from_binary_message`` (which reads legacy frames as if they were v1). The checks here read at
most ``MAX_PARTS`` offsets and require every offset to lie inside the frame, so they cost O(frame size).

v1 frame (``v1.kernel.websocket.jupyter.org``): 8-byte little-endian count n, n 8-byte little-endian offsets;
offset 0 = 8 (n + 1) is where the channel name starts, then header, parent header, metadata, content and
buffers; offsets never decrease and the last one is at most the frame's length.
Legacy binary frame (no subprotocol): 4-byte big-endian count n, n 4-byte big-endian offsets; part 0 is the
JSON message, the others its buffers.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import Any

V1 = "v1.kernel.websocket.jupyter.org"
CHANNELS = frozenset({"shell", "control", "iopub", "stdin"})
MAX_PARTS = 1024  # a widget message has 4 JSON parts and a few buffers
MIN_V1_OFFSETS = 6  # channel start, channel end (= header start), ends of header, parent, metadata, content


class BadFrame(ValueError):
    """A websocket frame that no Jupyter front end sends; the connection that sent it is closed."""


def _offsets(data: bytes, count: int, width: int, order: str, first: int) -> list[int]:
    """Read ``count`` offsets of ``width`` bytes after the count; each within the frame, never decreasing."""
    end_of_table = width * (count + 1)
    if end_of_table > len(data):
        raise BadFrame(f"{count} offsets do not fit in a frame of {len(data)} bytes")
    offsets = [int.from_bytes(data[width * (i + 1) : width * (i + 2)], order) for i in range(count)]
    if offsets[0] < first:
        raise BadFrame(f"the first part starts at {offsets[0]}, inside the offset table")
    for a, b in itertools.pairwise(offsets):
        if b < a:
            raise BadFrame("offsets decrease")
    if offsets[-1] > len(data):
        raise BadFrame(f"an offset ({offsets[-1]}) lies beyond the frame ({len(data)} bytes)")
    return offsets


def _count(data: bytes, width: int, order: str, least: int) -> int:
    if len(data) < width:
        raise BadFrame("frame shorter than its count")
    count = int.from_bytes(data[:width], order, signed=False)
    if not least <= count <= MAX_PARTS:
        raise BadFrame(f"offset count {count} outside {least}…{MAX_PARTS}")
    return count


def _json_dict(raw: bytes | str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as e:
        raise BadFrame(f"{what} is not JSON") from e
    if not isinstance(value, dict):
        raise BadFrame(f"{what} is not a JSON object")
    return value


def _check_header(header: Any) -> dict[str, Any]:
    if not isinstance(header, dict) or not isinstance(header.get("msg_type"), str):
        raise BadFrame("the header has no message type")
    return header


def check_v1(data: bytes) -> tuple[str, list[bytes]]:
    """Check a v1 binary frame; return its channel and parts (header, parent, metadata, content, buffers…)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise BadFrame("the v1 protocol carries binary frames only")
    data = bytes(data)
    count = _count(data, 8, "little", MIN_V1_OFFSETS)
    offsets = _offsets(data, count, 8, "little", 8 * (count + 1))
    try:
        channel = data[offsets[0] : offsets[1]].decode("ascii")
    except UnicodeDecodeError as e:
        raise BadFrame("the channel name is not text") from e
    if channel not in CHANNELS:
        raise BadFrame(f"unknown channel {channel[:20]!r}")
    parts = [data[a:b] for a, b in itertools.pairwise(offsets[1:])]
    _check_header(_json_dict(parts[0], "the header"))
    return channel, parts


def check_legacy(message: bytes | str) -> dict[str, Any]:
    """Check a message of the legacy protocol (JSON text, or a binary frame with buffers); return its JSON part."""
    if isinstance(message, str):
        msg = _json_dict(message, "the message")
    else:
        data = bytes(message)
        count = _count(data, 4, "big", 1)
        offsets = _offsets(data, count, 4, "big", 4 * (count + 1))
        msg = _json_dict(data[offsets[0] : offsets[1] if count > 1 else len(data)], "the message")
    _check_header(msg.get("header"))
    if not isinstance(msg.get("parent_header", {}), dict):
        raise BadFrame("the parent header is not an object")
    return msg


def check(message: bytes | str, subprotocol: str | None) -> None:
    """Check an incoming frame against the protocol negotiated for this connection; raise ``BadFrame``."""
    if subprotocol == V1:
        check_v1(message)  # type: ignore[arg-type]
    else:
        check_legacy(message)


def v1_header(parts: Sequence[Any]) -> dict[str, Any] | None:
    """The header of an outgoing v1 message (parts as the kernel sent them), or None when unreadable."""
    try:
        return _json_dict(bytes(parts[0]), "the header")
    except (BadFrame, IndexError, TypeError):
        return None


