# -*- coding: utf-8 -*-
"""ujson, which Apollo ships and official plugins import as json: the standard json module with
ujson's compact output (no spaces; "/" escaped unless escape_forward_slashes=False)."""
import json as _json


def dumps(obj, ensure_ascii=True, double_precision=9, encode_html_chars=False, escape_forward_slashes=True,
          sort_keys=False, indent=0, **kwargs):
    if indent:
        text = _json.dumps(obj, ensure_ascii=ensure_ascii, sort_keys=sort_keys, indent=indent)
    else:
        text = _json.dumps(obj, ensure_ascii=ensure_ascii, sort_keys=sort_keys, separators=(',', ':'))
    if escape_forward_slashes:
        text = text.replace('/', '\\/')
    return text


def loads(s, precise_float=False, **kwargs):
    return _json.loads(s)


encode = dumps
decode = loads


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


def load(fp, **kwargs):
    return loads(fp.read())
