"""The kernel websocket connection of the served apps (``Voila.kernel_websocket_connection_class``).

On the way in: every frame is checked (``frames.check``) for the protocol negotiated on this connection
before jupyter_server parses it; a malformed frame closes this one connection (code 1008) and is logged.
On the way out: tracebacks stay on the server (``error`` messages and error replies lose them, ``stderr``
streams are dropped; both are logged), ``execute_input`` is dropped as Voilà does, and the frame is written
past Voilà's ``VoilaKernelWebsocketHandler.write_message``, whose reader loops on legacy binary frames.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado.websocket import WebSocketClosedError, WebSocketHandler
from traitlets import Bool

from payroll_server.frames import V1, BadFrame, check, v1_header
from payroll_server.watch import WATCH_SESSION

try:
    from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
except ImportError:  # served by jupyter_server without Voilà
    VoilaKernelWebsocketHandler = None

POLICY_VIOLATION = 1008  # RFC 6455 close code
HIDDEN = "Ошибка на сервере, записана в журнал · Server error, written to the server's log"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def scrub(msg_type: str, content: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The content a visitor may see (None: drop the message) and the text kept for the server's log."""
    if msg_type == "stream" and content.get("name") == "stderr":
        return None, str(content.get("text", ""))
    if msg_type == "error" or (msg_type.endswith("_reply") and content.get("status") == "error"):
        kept = "\n".join(str(line) for line in content.get("traceback") or [])
        kept = kept or f"{content.get('ename')}: {content.get('evalue')}"
        return {**content, "ename": "Error", "evalue": HIDDEN, "traceback": []}, kept
    return content, ""


class GuardedConnection(ZMQChannelsWebsocketConnection):
    """Checks incoming frames, keeps tracebacks on the server (see the module's docstring)."""

    hide_tracebacks = Bool(True, help="Keep tracebacks and stderr on the server (the served apps); off under "
                           "JupyterLab, whose user runs their own code and needs them").tag(config=True)

    @property
    def is_watch(self) -> bool:
        """A page's watch on its kernel (``watch``): it gets only the server's restarting / dead notices."""
        return str(self.session.session).startswith(WATCH_SESSION)

    def handle_incoming_message(self, incoming_msg: str) -> None:
        if self.is_watch:
            return
        try:
            check(incoming_msg, self.subprotocol)
        except BadFrame as e:
            self.log.warning("Closed the websocket of kernel %s from %s: malformed frame (%s)",
                             self.kernel_id, self.websocket_handler.request.remote_ip, e)
            self.websocket_handler.close(POLICY_VIOLATION, "malformed message")
            return
        super().handle_incoming_message(incoming_msg)

    def _on_zmq_reply(self, stream: Any, msg_list: Any) -> None:
        if self.is_watch:
            return
        if self.hide_tracebacks:
            msg_list = self._scrubbed(msg_list)
            if msg_list is None:
                return
        super()._on_zmq_reply(stream, msg_list)

    def _scrubbed(self, msg_list: Any) -> Any:
        """The kernel's message as a visitor may see it, or None to drop it (see ``scrub``)."""
        if self.subprotocol == V1:
            header = v1_header(msg_list) or {}
            msg_type = str(header.get("msg_type", ""))
            if msg_type == "execute_input":
                return None
            if msg_type in ("stream", "error") or msg_type.endswith("_reply"):
                content, kept = scrub(msg_type, self.session.unpack(bytes(msg_list[3])))
                self._log_kept(msg_type, kept)
                if content is None:
                    return None
                msg_list = [*msg_list[:3], self.session.pack(content), *msg_list[4:]]
            return msg_list
        msg_type = str((msg_list.get("header") or {}).get("msg_type", ""))
        if msg_type == "execute_input":
            return None
        content, kept = scrub(msg_type, msg_list.get("content") or {})
        self._log_kept(msg_type, kept)
        return None if content is None else {**msg_list, "content": content}

    def _log_kept(self, msg_type: str, kept: str) -> None:
        if kept:
            self.log.warning("Kernel %s: %s kept from the visitor:\n%s", self.kernel_id, msg_type, ANSI.sub("", kept))

    @property
    def write_message(self) -> Callable[..., Any]:
        """tornado's ``write_message`` of this connection's websocket, past Voilà's binary reader."""
        handler = self.websocket_handler
        if VoilaKernelWebsocketHandler is None or not isinstance(handler, VoilaKernelWebsocketHandler):
            return handler.write_message

        def write(message: Any, binary: bool = False) -> Any:
            try:
                sent = WebSocketHandler.write_message(handler, message, binary)
            except WebSocketClosedError:
                return None
            sent.add_done_callback(lambda f: f.cancelled() or f.exception())  # a closed socket is no error here
            return sent

        return write
