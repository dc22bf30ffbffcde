#!/usr/bin/env python3
"""mkpdf.py - write the hostile PDFs of the bad-input catalogue (run.sh).

Only what the catalogue needs, with a correct xref table so that the PDF is
well formed and only the intended property is hostile:

  mkpdf.py pages N OUT           N pages, one short text line each
  mkpdf.py cjk N OUT             N pages: page 1 a small budget table, the
                                 others a line of Chinese text; a Type0 font
                                 with a ToUnicode map (no font program)
  mkpdf.py image OUT             one page, an image XObject, no text at all
  mkpdf.py zeros MB OUT          one page whose Flate content stream inflates
                                 to MB MiB of NUL bytes (white space to PDF)
  mkpdf.py string MB OUT         one page whose Flate content stream inflates
                                 to one string literal of MB MiB ("(AAA...) Tj"):
                                 the parser must hold it whole (a memory bomb)
  mkpdf.py glyphs MB OUT         one page whose Flate content stream inflates
                                 to about MB MiB of "(A) Tj" text operators:
                                 millions of characters for the text layer
"""
import sys
import zlib


def write_pdf(path, objects):
    """objects: list of bytes, object i+1 (without "n 0 obj" framing)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def one_page(content, extra=b""):
    # 1 catalog, 2 pages, 3 page, 4 content, 5 font
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content, extra),
        FONT,
    ]


def pages(n, path):
    # 1 catalog, 2 pages, 3 font, then page/content pairs
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None, FONT]
    kids = []
    for p in range(n):
        page_no = len(objs) + 1
        kids.append(b"%d 0 R" % page_no)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_no + 1))
        text = b"BT /F1 12 Tf 72 770 Td (Page %d of the budget: total 1,265.60) Tj ET" % (p + 1)
        objs.append(stream(text))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    write_pdf(path, objs)


def cjk_font_objects(first):
    """Objects of a Type0 font whose 2-byte codes are Unicode code points
    (Identity-H + a ToUnicode map <XX00>..<XXFF> -> U+XX00..): any BMP
    text can be shown as UTF-16BE.  `first` = number of the first object."""
    ranges = b"".join(b"<%02X00> <%02XFF> <%02X00>\n" % (h, h, h) for h in range(256) if not 0xD8 <= h <= 0xDF)
    n = ranges.count(b"\n")
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
    # at most 100 entries per bfrange block
    lines = ranges.splitlines(keepends=True)
    for i in range(0, n, 100):
        blk = lines[i:i + 100]
        cmap += b"%d beginbfrange\n" % len(blk) + b"".join(blk) + b"endbfrange\n"
    cmap += b"endcmap CMapName currentdict /CMap defineresource pop end end"
    return [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GKSans /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (first + 1, first + 2),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GKSans /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 >>" % (first + 3),
        stream(cmap),
        b"<< /Type /FontDescriptor /FontName /GKSans /Flags 4 /FontBBox [0 -200 1000 800] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]


def show(x, y, size, text):
    """A text object drawing `text` (str) at (x, y) with the Type0 font F1."""
    hexs = text.encode("utf-16-be").hex().upper().encode()
    return b"BT /F1 %d Tf %g %g Td <%s> Tj ET\n" % (size, x, y, hexs)


TABLE = [
    ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    ("", "合计", "1,265.60", "372.00", "893.60"),
    ("201", "一般公共服务支出", "1,265.60", "372.00", "893.60"),
    ("20103", "政府办公厅（室）及相关机构事务", "1,265.60", "372.00", "893.60"),
    ("2010306", "政务公开审批", "1,265.60", "372.00", "893.60"),
]


def cjk(n, path):
    # 1 catalog, 2 pages, 3..6 font, then page/content pairs
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None] + cjk_font_objects(3)
    kids = []
    for p in range(n):
        if p == 0:
            c = show(150, 800, 14, "2024年一般公共预算支出情况表")
            c += show(40, 770, 9, "单位：万元")
            cols = (40, 100, 330, 410, 490)
            y = 740
            for row in TABLE:
                for x, cell in zip(cols, row):
                    if cell:
                        c += show(x, y, 8, cell)
                y -= 20
        else:
            c = show(40, 800, 10, "第%d页：本页为预算说明的正文，没有表格。" % (p + 1))
        page_no = len(objs) + 1
        kids.append(b"%d 0 R" % page_no)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_no + 1))
        objs.append(stream(c))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    write_pdf(path, objs)


def image(path):
    # a 4x4 grey image drawn over the page: pixels, no glyphs
    pix = bytes([0x00, 0x55, 0xAA, 0xFF] * 4)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"q 180 0 0 180 10 10 cm /Im1 Do Q"),
        stream(pix, b"/Type /XObject /Subtype /Image /Width 4 /Height 4 "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 "),
    ]
    write_pdf(path, objs)


def deflate_repeat(unit, total):
    """zlib stream of `unit` repeated up to `total` bytes, built chunk-wise."""
    c = zlib.compressobj(9)
    chunk = unit * max(1, (1 << 20) // len(unit))
    parts, done = [], 0
    while done < total:
        piece = chunk[: total - done]
        parts.append(c.compress(piece))
        done += len(piece)
    parts.append(c.flush())
    return b"".join(parts)


def zeros(mb, path):
    data = deflate_repeat(b"\0", mb << 20)
    write_pdf(path, one_page(data, b"/Filter /FlateDecode "))


def glyphs(mb, path):
    body = b"BT /F1 1 Tf 10 10 Td " + b"(A) Tj " * 8
    data = deflate_repeat(body + b"ET\n", mb << 20)
    write_pdf(path, one_page(data, b"/Filter /FlateDecode "))


def string(mb, path):
    c = zlib.compressobj(9)
    parts = [c.compress(b"BT /F1 12 Tf 72 700 Td (")]
    chunk = b"A" * (1 << 20)
    for _ in range(mb):
        parts.append(c.compress(chunk))
    parts.append(c.compress(b") Tj ET\n"))
    parts.append(c.flush())
    write_pdf(path, one_page(b"".join(parts), b"/Filter /FlateDecode "))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    kind = argv[1]
    if kind == "pages":
        pages(int(argv[2]), argv[3])
    elif kind == "cjk":
        cjk(int(argv[2]), argv[3])
    elif kind == "image":
        image(argv[2])
    elif kind == "zeros":
        zeros(int(argv[2]), argv[3])
    elif kind == "string":
        string(int(argv[2]), argv[3])
    elif kind == "glyphs":
        glyphs(int(argv[2]), argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
