"""Checks of kernel websocket frames (payroll_server.frames): what the front end sends passes, the two freezing
frames of docs/security.md and random bytes are refused quickly, the check never lets a frame through that
jupyter_server's own readers cannot parse."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)
from wsclient import freeze_v1, legacy_binary, message, v1_frame

from payroll_server.connection import scrub
from payroll_server.frames import MAX_PARTS, V1, BadFrame, check, check_legacy, check_v1

MSG = message("comm_msg", {"comm_id": "c", "data": {"method": "update", "state": {"value": 3}}})
PARTS = [json.dumps(MSG[k]).encode() for k in ("header", "parent_header", "metadata", "content")]


def test_front_end_frames_pass_and_parse_as_the_library_does():
    frame = serialize_msg_to_ws_v1([*PARTS, b"buffer"], "shell")
    assert check_v1(frame) == deserialize_msg_from_ws_v1(frame)
    assert check_legacy(json.dumps(MSG))["header"]["msg_type"] == "comm_msg"
    with_buffer = serialize_binary_message({**MSG, "buffers": [b"abc"]})
    assert check_legacy(with_buffer)["content"] == deserialize_binary_message(with_buffer)["content"]


def test_the_v1_freeze_is_refused():
    with pytest.raises(BadFrame, match="offset count"):
        check(freeze_v1(), V1)


def test_a_legacy_frame_on_a_v1_connection_is_refused():
    """What Voilà's outgoing reader misreads (bug 2) is refused when it comes in on a v1 connection."""
    with pytest.raises(BadFrame):
        check(legacy_binary(MSG, b"x"), V1)


@pytest.mark.parametrize(("frame", "reason"), [
    (b"", "shorter"),
    ((6).to_bytes(8, "little"), "do not fit"),
    ((MAX_PARTS + 1).to_bytes(8, "little") + bytes(8 * (MAX_PARTS + 1)), "outside"),
    (v1_frame("shell", *PARTS)[:-5], "beyond"),
    (v1_frame("nosuch", *PARTS), "unknown channel"),
    (v1_frame("shell", b"{not json", *PARTS[1:]), "not JSON"),
    (v1_frame("shell", b"[]", *PARTS[1:]), "not a JSON object"),
    (v1_frame("shell", b"{}", *PARTS[1:]), "no message type"),
])
def test_malformed_v1_frames_say_what_is_wrong(frame, reason):
    with pytest.raises(BadFrame, match=reason):
        check_v1(frame)


def test_decreasing_offsets_are_refused():
    frame = bytearray(v1_frame("shell", *PARTS))
    frame[8 * 3 : 8 * 4] = (1).to_bytes(8, "little")  # the header would end before it starts
    with pytest.raises(BadFrame, match=r"decrease|inside"):
        check_v1(bytes(frame))


def test_v1_carries_binary_frames_only():
    with pytest.raises(BadFrame, match="binary"):
        check(json.dumps(MSG), V1)


@pytest.mark.parametrize("text", ["", "[1]", '{"header": 1}', '{"header": {"msg_type": "x"}, "parent_header": 2}'])
def test_malformed_legacy_text_is_refused(text):
    with pytest.raises(BadFrame):
        check_legacy(text)


def test_a_huge_legacy_count_is_refused_before_any_work():
    """jupyter_server would build a struct format of 2**31 characters from this count."""
    with pytest.raises(BadFrame, match="offset count"):
        check_legacy(b"\x7f\xff\xff\xff" + bytes(12))


@given(st.binary(max_size=512), st.sampled_from([V1, None]))
def test_random_frames_are_refused_or_parse_as_the_library_does(data, protocol):
    try:
        check(data, protocol)
    except BadFrame:
        return
    if protocol == V1:
        _channel, parts = deserialize_msg_from_ws_v1(data)
        assert len(parts) >= 4
    else:
        assert isinstance(deserialize_binary_message(data)["header"], dict)


@given(st.lists(st.binary(max_size=40), min_size=4, max_size=8), st.integers(0, 2**64 - 1), st.integers(0, 200))
def test_a_changed_count_or_offset_never_passes_unless_consistent(parts, value, where):
    """Overwrite one 8-byte word of the table of a good frame: the check refuses it or the library reads it."""
    parts[0] = json.dumps({"msg_type": "comm_msg"}).encode()
    frame = bytearray(v1_frame("shell", *parts))
    slot = where % (len(parts) + 3)
    frame[8 * slot : 8 * slot + 8] = value.to_bytes(8, "little")
    try:
        check_v1(bytes(frame))
    except BadFrame:
        return
    deserialize_msg_from_ws_v1(bytes(frame))


def test_tracebacks_are_kept_from_the_visitor():
    content, kept = scrub("error", {"ename": "TraitError", "evalue": "bad", "traceback": ["File /srv/x.py", "boom"]})
    assert content["traceback"] == [] and "/srv" not in json.dumps(content) and "/srv/x.py" in kept
    assert scrub("stream", {"name": "stderr", "text": "Traceback …"}) == (None, "Traceback …")
    assert scrub("stream", {"name": "stdout", "text": "hi"}) == ({"name": "stdout", "text": "hi"}, "")
    reply, _ = scrub("execute_reply", {"status": "error", "traceback": ["/srv"], "ename": "E", "evalue": "v"})
    assert reply["traceback"] == []
