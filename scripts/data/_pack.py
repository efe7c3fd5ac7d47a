"""What the data builders share (not a builder: scripts/build_data.sh skips `_*.py`)."""

import lzma


def pack(data, lc=3):
    """Bytes as the page embeds its large data sets: LZMA in the "lzma alone" format, which
    src/analysis/packed.rs unpacks once when the data is opened.

    No position bits and a dictionary that holds the whole file; `lc` literal context bits (three
    suit text and the gazetteer's mix of text and byte columns best, measured). The same liblzma
    version gives the same bytes; any version gives the same unpacked data."""
    filters = [{"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME,
                "lc": lc, "lp": 0, "pb": 0, "dict_size": 1 << 23}]
    return lzma.compress(data, format=lzma.FORMAT_ALONE, filters=filters)


def front_coded(lines):
    """Lines each starting with a byte that counts the bytes shared with the previous line's key
    (the part before a tab, at most 255), then the rest of the line, newline-joined: sorted lines
    share long prefixes, which LZMA alone codes less well. `expand_front_coded` in
    src/analysis/packed.rs writes them out again."""
    coded, previous = [], b""
    for line in lines:
        data = line.encode("utf-8")
        assert b"\n" not in data, "a line contains a newline"
        key = data.split(b"\t")[0]
        shared, limit = 0, min(len(previous), len(key), 255)
        while shared < limit and previous[shared] == key[shared]:
            shared += 1
        coded.append(bytes([shared]) + data[shared:])
        previous = key
    return b"\n".join(coded)


def pack_lines(text):
    """Text as the page embeds its long word lists: front-coded lines, packed."""
    return pack(front_coded(text.split("\n")))


if __name__ == "__main__":
    # `python3 scripts/data/_pack.py IN OUT`: packs the file of a builder written in another
    # language (scripts/data/basemap.mjs).
    import sys
    with open(sys.argv[1], "rb") as source:
        data = source.read()
    with open(sys.argv[2], "wb") as target:
        target.write(pack(data))
