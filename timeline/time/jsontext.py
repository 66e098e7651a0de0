"""``to_json``/``from_json`` as pandas and the standard library spell them: JSON *text*.

Every class that serialises follows one convention: ``to_dict()`` gives the JSON-ready
dict, ``to_json()`` the JSON text (a ``str``, as ``json.dumps`` and
``DataFrame.to_json`` give); ``from_dict(mapping)`` and ``from_json(str | bytes)`` read
them back. Until version 0.1.0 ``to_json()`` gave the dict and ``from_json`` took one.
For one release the old spellings keep working with a ``DeprecationWarning``:

- ``from_json(mapping)`` warns and reads the mapping (``read_json``);
- ``to_json()`` returns a ``JSONText``: a real ``str`` (write it, ``json.loads`` it,
  compare it with text) that also answers the dict's questions, warning each time:
  ``doc["events"]``, ``doc.get(...)``, ``doc.keys()``/``values()``/``items()``,
  ``dict(doc)``, ``{**doc}`` and ``doc == some_dict``. What a ``str`` already means is
  left to the ``str``: ``for x in doc`` and ``len(doc)`` see characters, ``"events" in
  doc`` looks for a substring, and ``json.dumps(doc)`` now encodes a string holding the
  text (write ``doc`` itself, or ``json.dumps(obj.to_dict())``).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from typing import Any, SupportsIndex

from timeline.errors import TimelineError

_MOVED = ("{origin}.to_json() returns JSON text (a str) now; reading it as a dict ({how}) is "
          "deprecated and stops working in the next release: use {origin}.to_dict()")


class JSONText(str):
    """JSON text from a ``to_json()``, readable as its dict for one release, with a warning.

    ``origin`` names the class in the warning (``Timeline``). The dict is parsed from the
    text on first use, so an object that is never read as a dict costs nothing more.
    """

    _origin: str

    def __new__(cls, text: str, origin: str = "") -> JSONText:
        made = super().__new__(cls, text)
        made._origin = origin or "to_json"
        return made

    def _data(self, how: str) -> Any:
        warnings.warn(_MOVED.format(origin=self._origin, how=how), DeprecationWarning,
                      stacklevel=3)
        cache = self.__dict__
        if "_parsed" not in cache:
            cache["_parsed"] = json.loads(self)
        return cache["_parsed"]

    def __getitem__(self, key: SupportsIndex | slice | str) -> Any:
        if isinstance(key, str):
            return self._data(f"doc[{key!r}]")[key]
        return str.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return self._data(f"doc.get({key!r})").get(key, default)

    def keys(self) -> KeysView[str]:
        keys: KeysView[str] = self._data("doc.keys()").keys()
        return keys

    def values(self) -> ValuesView[Any]:
        values: ValuesView[Any] = self._data("doc.values()").values()
        return values

    def items(self) -> ItemsView[str, Any]:
        items: ItemsView[str, Any] = self._data("doc.items()").items()
        return items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return bool(self._data("doc == dict") == other)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return bool(self._data("doc != dict") != other)
        return str.__ne__(self, other)

    __hash__ = str.__hash__


class JSONable:
    """``to_json`` for a class with a ``to_dict``: its JSON text, compact unless ``indent``.

    Until 0.1.0 ``to_json`` gave the dict: for one release the text still answers
    ``x.to_json()["key"]`` with a ``DeprecationWarning`` (``JSONText``).
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_json(self, *, indent: int | None = None) -> JSONText:
        """``to_dict`` as JSON text (``json.dumps``, non-ASCII characters as they are)."""
        return dump_json(self.to_dict(), type(self).__name__, indent=indent)


def dump_json(data: Any, origin: str, *, indent: int | None = None) -> JSONText:
    """``data`` as JSON text: UTF-8 characters as they are (``ensure_ascii=False``), compact
    unless ``indent`` is given (as ``json.dumps``), keys in the order the dict has them."""
    return JSONText(json.dumps(data, ensure_ascii=False, indent=indent), origin)


def read_json(document: object, origin: str, *, error: type[TimelineError],
              stacklevel: int = 3) -> Mapping[str, Any]:
    """The JSON object in ``document`` (``str``, ``bytes`` or ``bytearray``) for a
    ``from_json``; a mapping is the deprecated spelling of ``from_dict`` (warned, read).

    Text that is not JSON, or JSON that is not an object, raises ``error`` naming it.
    """
    if isinstance(document, Mapping):
        warnings.warn(f"{origin}.from_json(mapping) is deprecated and stops working in the "
                      f"next release: use {origin}.from_dict(mapping), or pass JSON text",
                      DeprecationWarning, stacklevel=stacklevel)
        return document
    if not isinstance(document, str | bytes | bytearray):
        raise error(f"{origin}.from_json expects JSON text (str or bytes), got "
                    f"{type(document).__name__}")
    try:
        data = json.loads(document)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and bad UTF-8 are ValueErrors
        shown = document[:60]
        raise error(f"{origin}.from_json: not JSON ({exc}): {shown!r}"
                    f"{'...' if len(document) > 60 else ''}") from None
    if not isinstance(data, dict):
        raise error(f"{origin}.from_json expects a JSON object, got {type(data).__name__}")
    return data


__all__ = ["JSONText", "JSONable", "dump_json", "read_json"]
