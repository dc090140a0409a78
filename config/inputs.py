"""What every request body and query string must be before any view reads it (issue 17 part 6).

Three kinds of input reached views and broke them with a 500: a NUL byte (PostgreSQL cannot store one
in text, so a filter or a saved field failed in the driver), a lone surrogate (valid JSON escape,
invalid UTF-8, so encoding it for the database failed), and JSON nested so deep that the parser
itself overflowed the stack. A body that is not a JSON object also reached views written for one.
They are refused here, once, with a 400 naming where the bad value sits, in DRF's error shape."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from typing import IO, Any

import orjson
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

# Items in one list of a request: far above any real report (victims, allegations, subjects), and
# it bounds the work and the page that later shows them. Serializers declare it on every input list;
# the parser refuses any list longer than the feed's batch outright.
MAX_ITEMS = 100
MAX_JSON_LIST = 5000
TOO_LONG = f"Too many items in one list (at most {MAX_JSON_LIST})."
# Resolve's deepest body (a decision: request -> alleged -> item -> offenders -> ref) is 4 levels.
MAX_JSON_DEPTH = 20
NUL = "A NUL character (\\u0000) is not allowed here."
SURROGATE = "This text is not valid Unicode (a lone surrogate)."
NOT_AN_OBJECT = "Send a JSON object ({...}) as the request body."
TOO_DEEP = f"The JSON is nested too deeply (at most {MAX_JSON_DEPTH} levels)."
# Free text is bounded (issue 20): the longest summary or narrative a person writes fits well inside
# 20,000 characters; names are bounded at 200 where they are declared (forms, serializers, the model).
# A field holding a whole document (the hidden-crime patterns) is let through where its view says so
# (`allows_long_text`).
MAX_TEXT = 20_000
TOO_MUCH_TEXT = f"This text is too long (at most {MAX_TEXT:,} characters)."


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text, or None. ASCII text (nearly all of it) is checked fast."""
    if len(value) > MAX_TEXT:
        return TOO_MUCH_TEXT
    if "\x00" in value:
        return NUL
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return SURROGATE
    return None


def _nest(path: list[str], message: str) -> dict[str, Any]:
    """{'a': {'0': {'b': [message]}}} for path ['a', '0', 'b']: DRF's shape for a nested field."""
    error: Any = [message]
    for key in reversed(path):
        error = {key: error}
    return error if isinstance(error, dict) else {"non_field_errors": error}


def _first_problem(value: Any, depth: int) -> tuple[list[str], str] | None:
    """Where the first bad value sits (path, message). Only called once `_has_problem` found one."""
    if isinstance(value, str):
        problem = text_problem(value)
        return ([], problem) if problem else None
    if isinstance(value, dict | list):
        if depth >= MAX_JSON_DEPTH:
            return [], TOO_DEEP
        if isinstance(value, list) and len(value) > MAX_JSON_LIST:
            return [], TOO_LONG
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str) and (problem := text_problem(key)):
                return ["(a key)"], problem
            if found := _first_problem(item, depth + 1):
                return [str(key), *found[0]], found[1]
    return None


def _texts_problem(texts: list[str]) -> bool:
    """Whether any of `texts` has a text_problem, in a few C-speed passes over them all."""
    if not texts:
        return False
    if max(map(len, texts)) > MAX_TEXT:
        return True
    joined = "".join(texts)
    if "\x00" in joined:
        return True
    return not joined.isascii() and any(text_problem(text) for text in texts if not text.isascii())


def _has_problem(data: Any) -> bool:
    """A fast pass without paths, one nesting level at a time, each in a few C-speed passes over all its
    values (the kinds present, the keys, the next level by itself; a JSON document holds exact dicts,
    lists and strings): a feed body of 5,000 incidents is checked in a few milliseconds."""
    level = [data]
    depth = 0
    while level:
        kinds = set(map(type, level))
        dicts = [value for value in level if value.__class__ is dict] if dict in kinds else []
        lists = [value for value in level if value.__class__ is list] if list in kinds else []
        if (dicts or lists) and depth >= MAX_JSON_DEPTH:
            return True
        if lists and max(map(len, lists)) > MAX_JSON_LIST:
            return True
        if kinds == {str}:
            texts = level
        else:
            texts = [value for value in level if value.__class__ is str] if str in kinds else []
        if _texts_problem(texts) or _texts_problem(list(chain.from_iterable(dicts))):
            return True
        level = list(chain.from_iterable(map(dict.values, dicts)))
        level += chain.from_iterable(lists)
        depth += 1
    return False


# An integer of 19 digits or more: orjson reads one past 64 bits as a float, json.loads as an int.
_DIGITS = bytes.maketrans(b"0123456789", b"0000000000")
_LONG_NUMBER = b"0" * 19


def _loads(text: str) -> Any:
    """json.loads, by orjson where the two agree (several times faster on the feed's 5,000 incidents).
    orjson refuses NaN, lone surrogates, numbers past a double and nesting past 1,024 levels (json.loads
    then decides, in its own words), and reads an integer past 64 bits as a float, so a body with a run of
    19 digits goes to json.loads too."""
    encoded = text.encode("utf-8", "surrogatepass")
    if _LONG_NUMBER not in encoded.translate(_DIGITS):
        try:
            return orjson.loads(encoded)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def json_problem(data: Any) -> dict[str, Any] | None:
    """The first bad value in a parsed JSON document, as a DRF-shaped error, or None."""
    if not _has_problem(data):
        return None
    found = _first_problem(data, 0)
    assert found is not None  # noqa: S101 - _has_problem found one
    return _nest(*found)


class StrictJSONParser(JSONParser):
    """DRF's JSON parser, refusing what Resolve can never store or serve: a body that is not an object,
    nesting past MAX_JSON_DEPTH (the C parser would raise RecursionError, a 500), NUL characters and
    lone surrogates anywhere in keys or values."""

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.getreader(encoding)(stream).read()
            data = _loads(text)
        except RecursionError as exc:
            raise ParseError(TOO_DEEP) from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        if not isinstance(data, dict):
            raise ValidationError({"non_field_errors": [NOT_AN_OBJECT]})
        if problem := json_problem(data):
            raise ValidationError(problem)
        return data


def _form_problem(
    pairs: Iterable[tuple[str, list[str]]], long_fields: frozenset[str] = frozenset()
) -> dict[str, list[str]] | None:
    for key, values in pairs:
        for text in (key, *values):
            if problem := text_problem(text):
                if problem == TOO_MUCH_TEXT and key in long_fields:
                    if "\x00" not in text:  # its length is allowed; a NUL never is
                        continue
                    problem = NUL
                return {key if text_problem(key) is None else "(a field name)": [problem]}
    return None


def allows_long_text(*fields: str) -> Callable[[Any], Any]:
    """Mark a page whose form posts a whole document in `fields` (past MAX_TEXT): the middleware still
    refuses a NUL there, not its length."""

    def mark(view: Any) -> Any:
        view.long_text_fields = frozenset(fields)
        return view

    return mark


def _long_fields(request: HttpRequest) -> frozenset[str]:
    """The fields the view at this path lets be long (looked up only when a value is that long)."""
    from django.urls import Resolver404, resolve

    try:
        func = resolve(request.path_info).func
    except Resolver404:
        return frozenset()
    return frozenset(getattr(func, "long_text_fields", ()))


class RefuseUnstorableTextMiddleware:
    """A query string or form body holding a NUL byte answers 400 naming the field, before any view
    filters or saves with it (`?q=%00` reached about 25 list filters and failed in the database).
    JSON bodies are checked by StrictJSONParser when the API reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        problem = _form_problem(request.GET.lists())
        # API bodies are read (and checked) by the API's parsers below: reading a multipart body here
        # would leave DRF without its stream.
        if problem is None and request.method == "POST" and not request.path.startswith("/api/"):
            try:
                form = request.POST
            except (RequestDataTooBig, TooManyFieldsSent):
                # Reading the form is where an oversized body without a Content-Length is found:
                # answer 413 as the outermost middleware would, not Django's bare 400.
                from config.middleware import request_too_large_response

                return request_too_large_response(request)
            problem = _form_problem(form.lists())
            if problem is not None and next(iter(problem.values())) == [TOO_MUCH_TEXT]:
                problem = _form_problem(request.POST.lists(), _long_fields(request))
        if problem is not None:
            return bad_input_response(request, problem)
        return self.get_response(request)


class StrictFormParser(FormParser):
    """DRF's form parser, refusing NUL characters as the middleware does for pages."""

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        data = super().parse(stream, media_type, parser_context)
        if problem := _form_problem(data.lists()):
            raise ValidationError(problem)
        return data


class StrictMultiPartParser(MultiPartParser):
    """DRF's multipart parser, refusing NUL characters in its fields as the middleware does for pages."""

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        parsed = super().parse(stream, media_type, parser_context)
        if problem := _form_problem(parsed.data.lists()):
            raise ValidationError(problem)
        return parsed


def bad_input_response(request: HttpRequest, problem: dict[str, list[str]]) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(problem, status=400)
    field, messages = next(iter(problem.items()))
    page = render_to_string("400.html", {"field": field, "message": messages[0]}, request=request)
    return HttpResponse(page, status=400)
