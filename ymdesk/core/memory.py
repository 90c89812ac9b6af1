"""Keeping big in-memory work from freezing the window: the GIL is shared by every thread.

A worker thread holding the GIL in one long step stalls the GUI thread just as if the GUI did the
work. Two such steps are not ours but the runtime's: the cyclic garbage collector, and glibc tidying
millions of freed blocks. These helpers move them out of the way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl): nothing to consolidate this way
        return None
    return trim


_MALLOC_TRIM = _malloc_trim()


def release_freed_memory() -> None:
    """Let glibc tidy the small blocks a big read just freed, without the GIL (ctypes releases it).

    Otherwise the next larger allocation anywhere in Python makes glibc consolidate them while that
    thread holds the GIL: 190 ms after reading a 500k-row sheet. It also returns the memory to the OS.
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


_paused_lock = threading.Lock()
_paused_depth = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build many long-lived objects without the cyclic garbage collector, then put them out of its reach.

    A full collection runs in whichever thread allocates and holds the GIL throughout: over the ~1M
    objects of a 500k-SKU job (JobItems, journal records) it froze the window for 120-190 ms.
    gc.freeze() moves every object that exists to the permanent generation; they are still freed by
    reference counting when dropped; only reference cycles among them would never be collected.
    The collector is process-wide and workers overlap, so the pause is counted: the last one out
    freezes and turns collection back on.
    """
    global _paused_depth, _was_enabled
    with _paused_lock:
        if _paused_depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused_depth += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused_depth -= 1
            if _paused_depth == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()
