"""The journal's SQLite side files (-wal, -shm): private on POSIX, and a refused chmod is not fatal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ymdesk.core.runs.journal import Journal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the side files are chmod-ed on POSIX only")


def test_side_files_are_private(tmp_path):
    with Journal(tmp_path / "journal.sqlite3") as journal:
        sides = [Path(str(journal.path) + s) for s in ("-wal", "-shm")]
        assert [p.stat().st_mode & 0o777 for p in sides] == [0o600, 0o600]


def test_a_refused_chmod_on_the_side_files_does_not_stop_the_journal(tmp_path, monkeypatch):
    # Wine refuses chmod on the memory-mapped -shm ("Sharing violation"); a FAT or network folder may refuse it too.
    refused: list[str] = []
    real_chmod = Path.chmod

    def chmod(self: Path, mode: int, **kwargs: object) -> None:
        if self.name.endswith(("-wal", "-shm")):
            refused.append(self.name[-4:])
            raise PermissionError(32, "Sharing violation", str(self))
        real_chmod(self, mode, **kwargs)

    monkeypatch.setattr(Path, "chmod", chmod)
    with Journal(tmp_path / "journal.sqlite3") as journal:
        assert journal.jobs() == []
    assert refused == ["-wal", "-shm"]
    with Journal(tmp_path / "journal.sqlite3") as journal:  # and it opens again
        assert journal.jobs() == []
