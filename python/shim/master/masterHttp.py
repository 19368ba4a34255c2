# -*- coding: utf-8 -*-
"""master.masterHttp: HTTP routes of the master (a scenario `http` step POSTs a body to a path)."""
import _switchboard.api as _sb


def RegisterMasterHttp(url, binder, func=None):
    """RegisterMasterHttp(url, binder, func): func(clientId, requestBody) answers POSTs to url
    (also accepted: RegisterMasterHttp(url, func))."""
    if func is None:
        binder, func = None, binder
    _sb.post('RegisterMasterHttp', [url, _sb.lasting_slot(func, binder)])


def SendHttpResponse(clientId, message):
    _sb.post('SendHttpResponse', [clientId, message])


_sb.api_module(__name__)
