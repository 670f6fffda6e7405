#!/usr/bin/env python3
"""make_scan_pdf.py OUT.pdf [PAGES] — writes an A4 PDF of PAGES (default 1)
pages that are images and nothing else, as a scanner makes them: no font,
no text layer. The images are blank paper (a small grey image scaled to
the page), so that OCR finds no text on them, quickly. Needs nothing but
python3.
"""
import sys
import zlib

WIDTH, HEIGHT = 595, 842
SIDE = 64


def main(path, count):
    objects = []  # bodies (bytes); object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    pixels = zlib.compress(b'\xff' * SIDE * SIDE)
    image = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
                b'/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n'
                % (SIDE, SIDE, len(pixels)) + pixels + b'\nendstream')
    draw = b'q %d 0 0 %d 0 0 cm /Im1 Do Q\n' % (WIDTH, HEIGHT)
    content = add(b'<< /Length %d >>\nstream\n' % len(draw) + draw + b'endstream')
    pages_id = len(objects) + count + 1
    kids = [add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] '
                b'/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>'
                % (pages_id, WIDTH, HEIGHT, image, content)) for _ in range(count)]
    add(b'<< /Type /Pages /Kids [%s] /Count %d >>'
        % (b' '.join(b'%d 0 R' % k for k in kids), len(kids)))
    catalog = add(b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % n + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += (b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objects) + 1, catalog, xref))
    with open(path, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
