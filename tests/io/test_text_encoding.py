"""Decoding users' text files: BOM, UTF-8, GBK, GB18030."""

from __future__ import annotations

import pytest

from ecomap.errors import DataError
from ecomap.io.text_encoding import decode_text, read_text

TEXT = "坐标系=2000国家大地坐标系\n地块名称=东沟复垦地块\n"


@pytest.mark.parametrize(
    "codec, name",
    [
        ("utf-8-sig", "UTF-8-SIG"),
        ("utf-16", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
    ],
)
def test_bom_decides(codec, name):
    data = TEXT.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    text, info = decode_text(data)
    assert text == TEXT and info.encoding == name and info.method == "bom" and not info.guessed


def test_utf8_without_bom():
    text, info = decode_text(TEXT.encode("utf-8"))
    assert text == TEXT and (info.encoding, info.method, info.guessed) == ("UTF-8", "sample", True)


def test_gbk():
    text, info = decode_text(TEXT.encode("gbk"))
    assert text == TEXT and info.encoding == "GBK" and info.guessed


def test_gb18030_when_gbk_is_not_enough():
    sample = (
        TEXT + "\u20ac\U00020000"
    )  # a euro sign and a CJK extension-B character: only GB18030 has them
    text, info = decode_text(sample.encode("gb18030"))
    assert text == sample and info.encoding == "GB18030"


def test_truncated_utf8_stays_utf8():
    text, info = decode_text(TEXT.encode("utf-8")[:-2])
    assert info.encoding == "UTF-8" and text.startswith("坐标系")


def test_binary_is_refused(tmp_path):
    with pytest.raises(DataError, match="binary"):
        decode_text(b"PK\x03\x04\x00\x00", tmp_path / "a.txt")


def test_read_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("gbk"))
    assert read_text(path)[0] == TEXT
