"""Dumps DICOM files the way dcmdump does (-Un +L -M +R 256 -dc +Qn +F, no +U8), with pydicom as the parser.

Used by the conformance test for files dcmtk cannot read. Values are printed from the raw bytes pydicom read
(never from its converted values), so that the comparison is of parsing, not of value conversion.
Usage: python3 pydicom_dump.py FILE...
"""
import struct
import sys
import warnings

try:
    import pydicom
    from pydicom.dataelem import RawDataElement
except ImportError:
    print("E: pydicom is not installed", file=sys.stderr)
    sys.exit(3)

NOT_LOADED = 256 * 1024  # as dcmdump -M +R 256: longer values are compared by length only
STRING_VRS = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"}
NUMBER_FORMATS = {"US": "H", "SS": "h", "UL": "I", "SL": "i", "FL": "f", "FD": "d", "SV": "q", "UV": "Q"}


def quote(raw):
    out = []
    for b in raw:
        c = chr(b)
        if c == "&":
            out.append("&amp;")
        elif c == "<":
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == '"':
            out.append("&quot;")
        elif c == "'":
            out.append("&apos;")
        elif b < 32 or b >= 127:
            out.append("&#%d;" % b)
        else:
            out.append(c)
    return "".join(out)


def hex_bytes(raw):
    return "\\".join("%02x" % b for b in raw)


def value_text(vr, raw, little):
    if len(raw) == 0:
        return "(no value available)"
    if len(raw) > NOT_LOADED:
        return "(not loaded)"
    if vr in STRING_VRS:
        return "[" + quote(raw) + "]"
    order = "<" if little else ">"
    if vr in NUMBER_FORMATS:
        f = NUMBER_FORMATS[vr]
        n = len(raw) // struct.calcsize(f)
        values = struct.unpack(order + f * n, raw[: n * struct.calcsize(f)])
        if f in "fd":
            return "\\".join(repr(v) for v in values)
        return "\\".join(str(v) for v in values)
    if vr == "AT":
        n = len(raw) // 4
        pairs = struct.unpack(order + "H" * (2 * n), raw[: 4 * n])
        return "\\".join("(%04x,%04x)" % (pairs[2 * i], pairs[2 * i + 1]) for i in range(n))
    if vr == "OW":
        n = len(raw) // 2
        return "\\".join("%04x" % w for w in struct.unpack(order + "H" * n, raw[: 2 * n]))
    return hex_bytes(raw)


def line(depth, tag, vr, text, length, vm=1):
    length_text = "u/l" if length is None else "%3d" % length
    print("%s(%04x,%04x) %s %s # %s, %d" % ("  " * depth, tag >> 16, tag & 0xFFFF, vr, text, length_text, vm))


def fragments(raw, little):
    order = "<" if little else ">"
    at = 0
    items = []
    while at + 8 <= len(raw):
        group, element, length = struct.unpack(order + "HHI", raw[at:at + 8])
        at += 8
        if (group, element) == (0xFFFE, 0xE0DD):
            break
        items.append(raw[at:at + length])
        at += length
    return items


def encode_converted(value, vr, little):
    """The bytes of a value pydicom has already converted (file meta information, the character set)."""
    if value is None or value == "":
        return b""
    if isinstance(value, bytes):
        return value
    values = list(value) if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue" else [value]
    order = "<" if little else ">"
    if vr in NUMBER_FORMATS:
        return struct.pack(order + NUMBER_FORMATS[vr] * len(values), *values)
    if vr == "AT":
        return b"".join(struct.pack(order + "HH", int(v) >> 16, int(v) & 0xFFFF) for v in values)
    return "\\".join(str(v) for v in values).encode("latin-1", "replace")


def dump(ds, depth, little):
    for tag in ds.keys():
        raw = ds.get_item(tag)
        elem = ds[tag]
        vr = getattr(elem.VR, "value", elem.VR)
        if vr in ("OB or OW", "US or SS or OW", "OB or OW"):
            vr = "OW"
        elif vr in ("US or SS",):
            vr = "US"
        if vr == "SQ":
            line(depth, tag, "SQ", "(Sequence with explicit length #=%d)" % len(elem.value), None)
            for item in elem.value:
                line(depth + 1, 0xFFFEE000, "na", "(Item with explicit length #=%d)" % len(item), None)
                dump(item, depth + 2, little)
            continue
        value = raw.value if isinstance(raw, RawDataElement) else encode_converted(elem.value, vr, little)
        if value is None:
            value = b""
        if isinstance(raw, RawDataElement) and raw.length == 0xFFFFFFFF:
            items = fragments(value, little)
            line(depth, tag, vr, "(PixelSequence #=%d)" % len(items), None)
            for item in items:
                line(depth + 1, 0xFFFEE000, "pi", value_text("OB", item, little), len(item))
            continue
        line(depth, tag, vr, value_text(vr, value, little), len(value))


def main(paths):
    warnings.simplefilter("ignore")
    for i, path in enumerate(paths):
        print("# dcmdump (%d/%d): %s" % (i + 1, len(paths), path))
        try:
            ds = pydicom.dcmread(path, force=True)
            implicit = ds.is_implicit_VR
            little = ds.is_little_endian
            print("# Dicom-File-Format")
            print("# Dicom-Meta-Information-Header")
            print("# Used TransferSyntax: Little Endian Explicit")
            dump(ds.file_meta, 0, True)
            print("# Dicom-Data-Set")
            print("# Used TransferSyntax: %s" % ("Little Endian Implicit" if implicit else "Little Endian Explicit" if little else "Big Endian Explicit"))
            dump(ds, 0, little)
        except Exception as e:  # report, as dcmdump does, and go on with the next file
            print("E: pydicom: %s: %s" % (type(e).__name__, e))


if __name__ == "__main__":
    main(sys.argv[1:])
