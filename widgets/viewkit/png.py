"""A fast PNG encoder for the pixels of a figure that a slider redraws.

Pillow filters every row before compressing it (it tries the five PNG
filters and keeps the best), and that filtering costs more than the
compression itself. Leaving the rows unfiltered and compressing them with
zlib at level 1 encodes the figures of the course in 1.5 to 4 ms, against
2.5 to 7 ms for Pillow at `compress_level=1`, and the files come out no
larger: a plot is mostly runs of identical pixels, which zlib finds
without the help of filters.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_LEVEL = 1


def _chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def encode_png(rgba: np.ndarray) -> bytes:
    """An RGB PNG of an (height, width, 4) uint8 image, alpha dropped, rows unfiltered."""
    height, width = rgba.shape[:2]
    rows = np.zeros((height, 3 * width + 1), dtype=np.uint8)  # column 0: filter type 0, none
    rows[:, 1:] = rgba[:, :, :3].reshape(height, 3 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows.tobytes(), ZLIB_LEVEL))
        + _chunk(b"IEND", b"")
    )
