#!/usr/bin/env python3
"""Fills the English plural forms of translations/license-reclaim_en.ts.

Source strings are written with "(s)" where a noun follows %n ("%n license type(s)");
English needs two forms: the singular (drop "(s)") and the plural (make it "s"). Run it
after `cmake --build <dir> --target update_translations` and commit the .ts.
"""
import re
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else "translations/license-reclaim_en.ts")
text = path.read_text(encoding="utf-8")


def fill(match):
    source = match.group("source")
    singular = source.replace("(s)", "").replace("(es)", "")
    plural = source.replace("(s)", "s").replace("(es)", "es")
    return (f'{match.group("head")}<source>{source}</source>{match.group("comments")}'
            f'<translation>\n'
            f'            <numerusform>{singular}</numerusform>\n'
            f'            <numerusform>{plural}</numerusform>\n'
            f'        </translation>')


pattern = re.compile(
    # Translator comments come after <source>; never let a match run into the next message.
    r'(?P<head><message numerus="yes">\s*)<source>(?P<source>[^<]*)</source>'
    r'(?P<comments>\s*(?:<(?:extra)?comment>[^<]*</(?:extra)?comment>\s*)*)'
    r'<translation[^>]*>(?:(?!</message>).)*?</translation>', re.S)
path.write_text(pattern.sub(fill, text), encoding="utf-8")
