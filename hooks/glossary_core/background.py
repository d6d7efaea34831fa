"""Produce a build's outputs in a second process while the first one consumes them.

MkDocs converts and writes pages on one core. Our share of a build (automatic links, rendering,
the search index) needs the whole glossary but not MkDocs, so a forked process computes it on
the other core and sends each output as soon as it is ready; MkDocs asks for a page only when it
reaches it, and by then the page is usually there. The fork inherits the loaded glossary, so
nothing is loaded twice.

A reader thread drains the pipe into memory at once: otherwise the producer would block on a
full pipe and stop working whenever MkDocs is slow to ask. What the producer needs only late
(the pages' URLs, known once MkDocs has its file list) is sent after the fork with `send` and
read in the producer with the `receive` function it is given.

Without fork (Windows; macOS, where forking is unsafe) the same outputs are produced lazily in
this process, in the same order.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import threading
import traceback
import weakref
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

Receive = Callable[[], Any]  # in the producer: the value `send` sent, waiting for it if need be
Outputs = Callable[[Receive], Iterator[tuple[str, Any]]]  # (key, any value pickle can carry)

_DONE = "\0done"  # message keys that cannot be paths
_FAILED = "\0failed"
_NOT_SENT = object()


class BackgroundError(RuntimeError):
    """The producer failed or ended without an output that was asked for (a bug, not a content error)."""


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class Background:
    """Outputs by key, produced in a forked process (or lazily here when fork is unavailable)."""

    _open: weakref.WeakSet[Background] = weakref.WeakSet()

    def __init__(self, outputs: Outputs, *, fork: bool | None = None) -> None:
        self._ready: dict[str, Any] = {}
        self._end: str | None = None  # why no more outputs will come, once none will
        self._changed = threading.Condition()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._lazy: Iterator[tuple[str, Any]] | None = None
        self._sent: Any = _NOT_SENT
        if fork if fork is not None else can_fork():
            receiving, sending = multiprocessing.Pipe(duplex=False)
            late_reader, self._late_writer = multiprocessing.Pipe(duplex=False)
            context = multiprocessing.get_context("fork")
            ends = (sending, late_reader, self._late_writer)
            self._process = context.Process(target=_produce, args=(outputs, *ends), name="glossary-outputs", daemon=True)
            self._process.start()
            Background._open.add(self)
            # Each process closes the ends it does not use, so either one sees EOF when the other exits.
            sending.close()
            late_reader.close()
            threading.Thread(target=self._receive, args=(receiving, self._process), name="glossary-outputs-reader", daemon=True).start()
        else:
            self._lazy = outputs(self._sent_value)

    def send(self, value: Any) -> None:
        """Give the producer the value its `receive()` returns (once per Background)."""
        if self._process is not None:
            # From a thread: a value larger than the pipe's buffer (64 KiB) blocks the sender until
            # the producer reads it, and the producer reads it only when it needs it.
            threading.Thread(target=self._send_late, args=(value,), name="glossary-late-input", daemon=True).start()
        self._sent = value

    def _send_late(self, value: Any) -> None:
        # OSError: closed while sending, because the producer was stopped and needs nothing more.
        with contextlib.suppress(OSError):
            self._late_writer.send(value)

    def get(self, key: str) -> Any:
        """The output called `key`, waiting for it if need be; each is handed out once."""
        if self._lazy is not None:
            return self._next_lazily(key)
        with self._changed:
            self._changed.wait_for(lambda: key in self._ready or self._end is not None)
            if key in self._ready:
                return self._ready.pop(key)
        raise BackgroundError(f"no output {key!r}: {self._end}")

    def close(self) -> None:
        """Stop the producer if it is still running (a failed build no longer needs it)."""
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
            self._late_writer.close()
        self._lazy = None

    @classmethod
    def close_all(cls) -> None:
        for background in list(cls._open):
            background.close()

    def _sent_value(self) -> Any:
        if self._sent is _NOT_SENT:
            raise BackgroundError("the producer asked for a value before it was sent")
        return self._sent

    def _next_lazily(self, key: str) -> Any:
        if key in self._ready:
            return self._ready.pop(key)
        for produced, value in self._lazy:
            if produced == key:
                return value
            self._ready[produced] = value
        raise BackgroundError(f"no output {key!r}: the outputs ended without it")

    def _receive(self, connection: Connection, process: multiprocessing.process.BaseProcess) -> None:
        end = None
        try:
            while end is None:
                key, value = connection.recv()
                if key == _DONE:
                    end = "the outputs ended without it"
                elif key == _FAILED:
                    end = f"producing the outputs failed:\n{value}"
                else:
                    with self._changed:
                        self._ready[key] = value
                        self._changed.notify_all()
        except EOFError:
            process.join()
            end = f"the process producing the outputs exited early (exit code {process.exitcode})"
        finally:
            connection.close()
            with self._changed:
                self._end = end or "the outputs were closed"
                self._changed.notify_all()


def _produce(outputs: Outputs, connection: Connection, late_reader: Connection, late_writer: Connection) -> None:
    """In the forked process: send every output, then say whether all went well."""
    late_writer.close()
    received: list[Any] = []

    def receive() -> Any:
        if not received:
            received.append(late_reader.recv())
        return received[0]

    try:
        for key, value in outputs(receive):
            connection.send((key, value))
        connection.send((_DONE, ""))
    except BaseException:  # noqa: BLE001 - whatever it was, the parent must learn of it, with the traceback
        connection.send((_FAILED, traceback.format_exc()))
    finally:
        connection.close()
