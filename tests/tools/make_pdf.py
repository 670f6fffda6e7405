#!/usr/bin/env python3
"""make_pdf.py OUT.pdf [--report] — writes a small A4 PDF of a speech for
the tests, from text on standard input (a paragraph a line, the first the
title).

--report lays it out as a broker's research note: a narrow sidebar on the
left of page one (the lines that begin with `|`), the text in a column
beside it, and headings that begin with `#` set in the text's own size but
in an accent colour; a line that begins with `@` is set like them, but as
a link (a web page's, printed).

Laid out the way offices print a speech: the title centred in larger type,
every paragraph with a two-character first-line indent and broken at the
right margin mid-sentence (closing punctuation kept on its line), a `- N -` page number at the foot of each page.
Needs nothing but python3: the font is a CID font that is not embedded
(Identity-H, every glyph one em wide) with a ToUnicode map, so a reader
gets the text back exactly; no viewer needs to draw it.
"""
import sys

WIDTH, HEIGHT = 595, 842
LEFT, TOP, BOTTOM = 72, 770, 90
SIZE, TITLE_SIZE, PITCH = 16, 22, 28
PER_LINE = int((WIDTH - 2 * LEFT) // SIZE)
CLOSING = tuple('，。、；：！？）》”’')


def hex_text(text):
    return '<' + ''.join('%04X' % ord(c) for c in text) + '>'


def layout(paragraphs):
    """Yields pages, each a list of (x, y, size, text)."""
    page, y = [], TOP
    title, body = paragraphs[0], paragraphs[1:]
    page.append(((WIDTH - len(title) * TITLE_SIZE) / 2, y, TITLE_SIZE, title))
    y -= 2 * PITCH
    for text in body:
        lines, rest, first = [], text, True
        while rest:
            room = PER_LINE - (2 if first else 0)
            if rest[room:room + 1] in CLOSING:
                room += 1  # a line never begins with closing punctuation
            lines.append((LEFT + (2 * SIZE if first else 0), rest[:room]))
            rest, first = rest[room:], False
        for x, line in lines:
            if y < BOTTOM:
                yield page
                page, y = [], TOP
            page.append((x, y, SIZE, line))
            y -= PITCH
    yield page


REPORT_LEFT, REPORT_RIGHT, SIDEBAR_LEFT, REPORT_SIZE = 213, 567, 24, 12
ACCENT = (0.63, 0.51, 0.35)


def wrap(text, per_line, first_indent):
    """The lines of a paragraph broken at per_line characters."""
    lines, rest, first = [], text, True
    while rest:
        room = per_line - (first_indent if first else 0)
        if rest[room:room + 1] in CLOSING:
            room += 1
        lines.append((first_indent if first else 0, rest[:room]))
        rest, first = rest[room:], False
    return lines


def layout_report(paragraphs):
    """Yields the page of a research note, (x, y, size, text, colour, link)."""
    page, y, sidebar = [], TOP, []
    title, body = paragraphs[0], paragraphs[1:]
    page.append((REPORT_LEFT, y, 18, title, None, False))
    y -= 3 * PITCH
    per_line = int((REPORT_RIGHT - REPORT_LEFT) // REPORT_SIZE)
    for text in body:
        if text.startswith('|'):
            sidebar.append(text[1:])
        elif text[:1] in '#@':
            page.append((REPORT_LEFT - REPORT_SIZE, y, REPORT_SIZE, text[1:], ACCENT,
                         text[0] == '@'))
            y -= PITCH
        else:
            for indent, line in wrap(text, per_line, 2):
                page.append((REPORT_LEFT + indent * REPORT_SIZE, y, REPORT_SIZE, line, None,
                             False))
                y -= 20
            y -= 8
    # The sidebar in small type between the text's lines, as a frame of
    # its own sits: a line on the same row as the text's may be read as
    # one with it.
    rows = [item[1] for item in page[1:]]
    for row, text in zip(rows, sidebar):
        page.append((SIDEBAR_LEFT, row - 8.5, 6, text, None, False))
    yield page


def main(path, report=False):
    paragraphs = [line.strip() for line in sys.stdin.read().split('\n') if line.strip()]
    if report:
        pages = list(layout_report(paragraphs))
    else:
        pages = [[item + (None, False) for item in page] for page in layout(paragraphs)]
    objects = []  # bodies; object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    tounicode = ('/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n'
                 '/CMapName /Identity-UCS def /CMapType 2 def\n'
                 '1 begincodespacerange <0000> <FFFF> endcodespacerange\n'
                 '1 beginbfrange <0000> <FFFF> <0000> endbfrange\n'
                 'endcmap CMapName currentdict /CMap defineresource pop end end\n')
    cmap = add('<< /Length %d >>\nstream\n%sendstream' % (len(tounicode), tounicode))
    descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 '
                     '/FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 '
                     '/Descent -141 /CapHeight 700 /StemV 80 >>')
    cid = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun '
              '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> '
              '/FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>' % descriptor)
    font = add('<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H '
               '/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>' % (cid, cmap))
    pages_id = len(objects) + 2 * len(pages) + 1
    kids = []
    for number, page in enumerate(pages, 1):
        ops, links = ['BT'], []
        for x, y, size, text, colour, link in page:
            ops.append('%.2f %.2f %.2f rg' % (colour or (0, 0, 0)))
            ops.append('/F1 %d Tf 1 0 0 1 %.1f %.1f Tm %s Tj' % (size, x, y, hex_text(text)))
            if link:
                links.append('<< /Type /Annot /Subtype /Link /Rect [%.1f %.1f %.1f %.1f] '
                             '/Border [0 0 0] /A << /S /URI /URI (http://example.com/) >> >>'
                             % (x, y - 2, x + size * len(text), y + size))
        folio = '- %d -' % number
        ops.append('/F1 10 Tf 1 0 0 1 %.1f 50 Tm %s Tj' % (WIDTH / 2 - 15, hex_text(folio)))
        ops.append('ET')
        stream = '\n'.join(ops) + '\n'
        content = add('<< /Length %d >>\nstream\n%sendstream' % (len(stream), stream))
        annots = ' /Annots [%s]' % ' '.join(links) if links else ''
        kids.append(add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] '
                        '/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R%s >>'
                        % (pages_id, WIDTH, HEIGHT, font, content, annots)))
    add('<< /Type /Pages /Kids [%s] /Count %d >>'
        % (' '.join('%d 0 R' % k for k in kids), len(kids)))
    catalog = add('<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += ('%d 0 obj\n%s\nendobj\n' % (n, body)).encode('latin-1')
    xref = len(out)
    out += ('xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)).encode()
    out += ''.join('%010d 00000 n \n' % o for o in offsets).encode()
    out += ('trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objects) + 1, catalog, xref)).encode()
    with open(path, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    main(sys.argv[1], '--report' in sys.argv[2:])
