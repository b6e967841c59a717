"""A TCP proxy on 127.0.0.1 in front of a real server, which a test turns faulty.

- ``pass_through()``: bytes flow both ways, as if the client spoke to the server itself;
- ``stall()``: connections are accepted (new and open ones alike) and nothing is answered:
  the client's own timeouts are all that bound its wait;
- ``drop()``: the port refuses connections and every open one is reset, as when the server dies.

Leaving a stall resets the connections it held, so no request a client gave up on reaches
the server later.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

PASS, STALL, DROP = "pass", "stall", "drop"


class _Link:
    """One client connection and its connection to the server."""

    def __init__(self, client: socket.socket, server: socket.socket):
        self.sockets = (client, server)
        self.closed = threading.Event()

    def close(self) -> None:
        self.closed.set()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                # Closing with a zero linger sends a reset, as a dead server's host does; shutting
                # the read side first wakes the pump blocked in recv() on this socket.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                sock.shutdown(socket.SHUT_RD)
            sock.close()


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int):
        self.upstream = (upstream_host, upstream_port)
        self.mode = PASS
        self.links: set[_Link] = set()
        self.lock = threading.Lock()
        self.listener = self._listen(0)
        self.port = self.listener.getsockname()[1]
        self.running = True
        self.acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self.acceptor.start()

    @classmethod
    def in_front_of(cls, url: str) -> FaultProxy:
        """A proxy for the server at ``scheme://host:port[/...]``."""
        host, port = url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)
        return cls(host, int(port))

    def url(self, scheme: str) -> str:
        return f"{scheme}://127.0.0.1:{self.port}"

    # The faults.

    def pass_through(self) -> None:
        self._switch(PASS)

    def stall(self) -> None:
        self._switch(STALL)

    def drop(self) -> None:
        self._switch(DROP)

    def close(self) -> None:
        self.running = False
        self._switch(DROP)
        self.acceptor.join(timeout=5)

    def _switch(self, mode: str) -> None:
        with self.lock:
            previous, self.mode = self.mode, mode
            cut = previous == STALL or mode == DROP
            links = set(self.links) if cut else set()
            if mode == DROP and self.listener is not None:
                self.listener.close()
                self.listener = None
            elif mode != DROP and self.listener is None:
                self.listener = self._listen(self.port)
        for link in links:
            link.close()

    # The plumbing.

    @staticmethod
    def _listen(port: int) -> socket.socket:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        listener.settimeout(0.05)
        return listener

    def _accept_loop(self) -> None:
        while self.running:
            listener = self.listener
            if listener is None:
                time.sleep(0.05)
                continue
            try:
                client, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._open, args=(client,), daemon=True).start()

    def _open(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            client.close()
            return
        for sock in (client, server):
            sock.settimeout(None)
        link = _Link(client, server)
        with self.lock:
            if self.mode == DROP:
                link.close()
                return
            self.links.add(link)
        pumps = [
            threading.Thread(target=self._pump, args=(link, client, server), daemon=True),
            threading.Thread(target=self._pump, args=(link, server, client), daemon=True),
        ]
        for pump in pumps:
            pump.start()

    def _pump(self, link: _Link, source: socket.socket, target: socket.socket) -> None:
        while not link.closed.is_set():
            try:
                data = source.recv(65536)
            except OSError:
                break
            if not data:
                break
            while self.mode == STALL and not link.closed.is_set():
                link.closed.wait(0.02)  # hold the bytes; leaving the stall resets this link
            if link.closed.is_set():
                break
            try:
                target.sendall(data)
            except OSError:
                break
        with self.lock:
            self.links.discard(link)
        link.close()
