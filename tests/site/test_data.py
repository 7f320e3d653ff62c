"""The handbook is validated once per change of the data files."""

from __future__ import annotations

import os

from handbook.site.data import handbook_for


def test_the_handbook_is_reused_until_a_data_file_changes(data_copy):
    first = handbook_for(data_copy)
    assert handbook_for(data_copy) is first
    authority = data_copy / "authority.yaml"
    authority.write_text(authority.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    stat = authority.stat()
    os.utime(authority, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert handbook_for(data_copy) is not first
