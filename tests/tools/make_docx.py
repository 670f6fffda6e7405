#!/usr/bin/env python3
"""make_docx.py — writes small Word .docx files for the tests, the fuzz
seeds and the benchmark, from text on standard input (a paragraph a line).

  make_docx.py OUT.docx [--numbered] [--stored] [--title]
      --numbered  paragraphs that begin 一、 / （一） / 1. lose the typed
                  marker and get Word's automatic numbering instead
                  (chineseCounting '%1、', '（%2）', decimal '%3.'),
                  so the file shows the same numbers as the text
      --stored    store the parts uncompressed (a large test file)
      --title     the first line gets the Title style
  make_docx.py OUT.docx --zip-bomb MB      document.xml of MB megabytes of spaces
  make_docx.py OUT.docx --entity-bomb     document.xml with nested entities
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
         'officedocument.wordprocessingml.document.main+xml"/></Types>')
NUMBERING = ('<w:numbering ' + W + '><w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
             '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
             '<w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>'
             '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:suff w:val="nothing"/><w:lvlText w:val="%3."/></w:lvl>'
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
STYLES = ('<w:styles ' + W + '><w:style w:type="paragraph" w:styleId="Title">'
          '<w:name w:val="Title"/></w:style></w:styles>')
MARKERS = [(re.compile(r'^[一二三四五六七八九十]+、'), 0),
           (re.compile(r'^（[一二三四五六七八九十]+）'), 1),
           (re.compile(r'^[0-9]+\.'), 2)]


def paragraph(text, numbered, title):
    properties = ''
    if title:
        properties = '<w:pStyle w:val="Title"/>'
    elif numbered:
        for pattern, level in MARKERS:
            match = pattern.match(text)
            if match:
                text = text[match.end():]
                properties = ('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>'
                              % level)
                break
    if properties:
        properties = '<w:pPr>' + properties + '</w:pPr>'
    return ('<w:p>' + properties + '<w:r><w:t xml:space="preserve">' + escape(text) +
            '</w:t></w:r></w:p>')


def write(path, parts, stored=False):
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, 'w', method) as package:
        package.writestr('[Content_Types].xml', TYPES)
        for name, data in parts:
            package.writestr(name, data)


def main():
    out, options = sys.argv[1], sys.argv[2:]
    if '--zip-bomb' in options:
        megabytes = int(options[options.index('--zip-bomb') + 1])
        body = '<w:document ' + W + '>' + ' ' * (megabytes << 20) + '</w:document>'
        write(out, [('word/document.xml', body)])
        return
    if '--entity-bomb' in options:
        entities = '<!ENTITY a "lol">' + ''.join(
            '<!ENTITY %s "%s">' % (chr(98 + i), ('&%s;' % chr(97 + i)) * 10) for i in range(9))
        body = ('<?xml version="1.0"?><!DOCTYPE w [' + entities + ']><w:document ' + W +
                '><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
        write(out, [('word/document.xml', body)])
        return
    numbered = '--numbered' in options
    title = '--title' in options
    lines = sys.stdin.read().splitlines()
    body = ''.join(paragraph(line, numbered, title and i == 0) for i, line in enumerate(lines))
    parts = [('word/document.xml',
              '<?xml version="1.0" encoding="UTF-8"?><w:document ' + W + '><w:body>' + body +
              '</w:body></w:document>')]
    if numbered:
        parts.append(('word/numbering.xml', NUMBERING))
    if title:
        parts.append(('word/styles.xml', STYLES))
    write(out, parts, '--stored' in options)


main()
