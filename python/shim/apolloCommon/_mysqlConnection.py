# -*- coding: utf-8 -*-
"""What mysqlPool hands mod code: rows as MySQLdb gives them (tuples, long integers, unicode text,
float / Decimal / datetime cells), the parameters MySQLdb accepts, and the connection a function
given to AsyncExecuteFunctionWithOrderKey receives: a stand-in for a MySQLdb connection whose
statements go to the simulated MySQL through synchronous Storage calls."""
import datetime
import decimal
import math

from apolloCommon import _storage


class Error(Exception):
    pass


class Warning(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_ERRORS = dict((c.__name__, c) for c in (DataError, OperationalError, IntegrityError, InternalError, ProgrammingError, NotSupportedError))


def raise_error(error):
    """Raises what MySQLdb raises for a failed statement: the class named by the engine, args (code, message)."""
    kind = error.get('type')
    message = error.get('message')
    code = error.get('code')
    if kind == 'TypeError':
        raise TypeError(message)
    if kind == 'ValueError':
        raise ValueError(message)
    if kind == 'KeyError':
        raise KeyError(message)
    cls = _ERRORS.get(kind, OperationalError)
    raise cls(code, message)


# ---------------------------------------------------------------- parameters

def param(value):
    """A parameter as JSON can carry it, as MySQLdb would write it into the statement."""
    if value is None or isinstance(value, (bool, int, long, str, unicode)):
        return value
    if isinstance(value, float):
        return value if not (math.isinf(value) or math.isnan(value)) else repr(value)
    if isinstance(value, datetime.datetime):
        return value.strftime('%Y-%m-%d %H:%M:%S') + ('.%06d' % value.microsecond if value.microsecond else '')
    if isinstance(value, datetime.date):
        return value.strftime('%Y-%m-%d')
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [param(v) for v in value]
    # MySQLdb writes any other object as the quoted text of str(o).
    return str(value)


def params(value):
    """The parameters of one statement: None (no formatting), a sequence, a dict, or one value."""
    if value is None:
        return None
    if isinstance(value, dict):
        return dict((k, param(v)) for k, v in value.iteritems())
    return param(value)


# ---------------------------------------------------------------- rows

def _datetime(text):
    try:
        return datetime.datetime.strptime(text, '%Y-%m-%d %H:%M:%S')
    except ValueError:
        return None  # MySQLdb gives None for the zero date


def _date(text):
    try:
        return datetime.datetime.strptime(text, '%Y-%m-%d').date()
    except ValueError:
        return None


def cell(v):
    """One cell as MySQLdb gives it: integers long, text unicode, tagged cells typed."""
    if isinstance(v, bool):
        return long(v)
    if isinstance(v, (int, long)):
        return long(v)
    if isinstance(v, str):
        return v.decode('utf-8')
    if isinstance(v, dict):
        if '$float' in v:
            return float(v['$float'])
        if '$decimal' in v:
            return decimal.Decimal(v['$decimal'])
        if '$datetime' in v:
            return _datetime(v['$datetime'])
        if '$date' in v:
            return _date(v['$date'])
    return v


def rows(value):
    """A result set as cursor.fetchall() gives it: a tuple of tuples; None stays None (an error)."""
    if value is None:
        return None
    return tuple(tuple(cell(c) for c in row) for row in value)


def integer(value):
    return None if value is None else long(value)


# ---------------------------------------------------------------- the connection

class Cursor(object):
    """MySQLdb's default cursor: execute() buffers the whole result, fetch*() read it."""
    arraysize = 1

    def __init__(self, conn, as_dict=False):
        self.connection = conn
        self._as_dict = as_dict
        self._rows = ()
        self._pos = 0
        self.rowcount = -1
        self.lastrowid = None
        self.description = None
        self.rownumber = None
        self.messages = []

    def _result(self, answer):
        columns = answer.get('columns')
        data = rows(answer.get('rows')) or ()
        if columns is not None and self._as_dict:
            data = tuple(dict(zip(columns, r)) for r in data)
        self._rows = data
        self._pos = 0
        self.rownumber = 0
        self.rowcount = long(answer.get('rowcount') or 0)
        self.lastrowid = long(answer.get('lastrowid') or 0)
        self.connection._insert_id = self.lastrowid
        self.description = None if columns is None else tuple((c, None, None, None, None, None, None) for c in columns)

    def execute(self, query, args=None):
        if isinstance(query, unicode):
            query = query.encode('utf-8')
        answer = self.connection._statement(['CURSOR', query, params(args)])
        self._result(answer)
        return self.rowcount

    def executemany(self, query, args):
        if not args:
            return None
        total = 0
        for a in args:
            total += self.execute(query, a)
        self.rowcount = total
        return total

    def fetchone(self):
        if self._pos >= len(self._rows):
            return None
        row = self._rows[self._pos]
        self._pos += 1
        self.rownumber = self._pos
        return row

    def fetchmany(self, size=None):
        end = self._pos + (size or self.arraysize)
        out = self._rows[self._pos:end]
        self._pos = min(end, len(self._rows))
        self.rownumber = self._pos
        return out

    def fetchall(self):
        out = self._rows[self._pos:]
        self._pos = len(self._rows)
        self.rownumber = self._pos
        return out

    def __iter__(self):
        return iter(self.fetchone, None)

    def scroll(self, value, mode='relative'):
        self._pos = value if mode == 'absolute' else self._pos + value

    def nextset(self):
        return None

    def setinputsizes(self, *args):
        pass

    def setoutputsizes(self, *args):
        pass

    def callproc(self, procname, args=()):
        raise NotSupportedError(1235, 'not simulated: stored procedures (callproc)')

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class DictCursor(Cursor):
    def __init__(self, conn):
        Cursor.__init__(self, conn, as_dict=True)


class Connection(object):
    """A pooled MySQLdb connection as AsyncExecuteFunctionWithOrderKey passes it: autocommit on
    (the pool's default; the official example switches it off for a transaction and back on)."""

    def __init__(self):
        self._autocommit = True
        self._open = False
        self._insert_id = 0L

    def _statement(self, command):
        if not self._autocommit and not self._open:
            self._send(['BEGIN'])
            self._open = True
        value, error = _storage.ask('mysql', command)
        if error is not None:
            raise_error(error)
        return value

    def _send(self, command):
        _storage.ask('mysql', command)

    def cursor(self, cursorclass=None):
        if cursorclass is not None and 'Dict' in getattr(cursorclass, '__name__', ''):
            return DictCursor(self)
        return Cursor(self)

    def autocommit(self, on):
        on = bool(on)
        if on and self._open:
            # Switching autocommit on commits the open transaction, as in MySQL.
            self.commit()
        self._autocommit = on

    def get_autocommit(self):
        return self._autocommit

    def commit(self):
        if self._open:
            self._send(['COMMIT'])
            self._open = False

    def rollback(self):
        if self._open:
            self._send(['ROLLBACK'])
            self._open = False

    def finish(self):
        """The function returned: a transaction it left open is rolled back (see CONTEXT.md)."""
        self.rollback()

    def insert_id(self):
        return self._insert_id

    def affected_rows(self):
        return 0L

    def escape_string(self, s):
        return s.replace('\\', '\\\\').replace("'", "\\'").replace('"', '\\"').replace('\0', '\\0').replace('\n', '\\n').replace('\r', '\\r').replace('\x1a', '\\Z')

    def literal(self, o):
        if o is None:
            return 'NULL'
        if isinstance(o, (int, long, float, bool)):
            return str(int(o)) if isinstance(o, bool) else repr(o) if isinstance(o, float) else str(o)
        if isinstance(o, unicode):
            o = o.encode('utf-8')
        return "'%s'" % self.escape_string(str(o))

    def ping(self, *args):
        return None

    def select_db(self, db):
        pass

    def set_character_set(self, charset):
        pass

    def character_set_name(self):
        return 'utf8mb4'

    def close(self):
        pass

    def __enter__(self):
        # MySQLdb 1.2: `with conn as cursor:` begins, and commits or rolls back on exit.
        if self._autocommit:
            self._send(['BEGIN'])
            self._open = True
        return self.cursor()

    def __exit__(self, exc, value, tb):
        if exc:
            self.rollback()
        else:
            self.commit()
