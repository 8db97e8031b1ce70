"""What can go wrong while fetching, each a :class:`CoauthorError` whose
message says what to do (the CLI prints it as one ``Error:`` line)."""

from __future__ import annotations

from coauthor.errors import CoauthorError


class FetchError(CoauthorError):
    """Base class of the fetch failures."""

    def with_note(self, note: str) -> FetchError:
        """The same error with ``note`` appended (what was kept, how to resume)."""
        return type(self)(f"{self}; {note}")


class NetworkError(FetchError):
    """The server cannot be reached (connection refused, DNS, timeout)."""


class RateLimitError(FetchError):
    """The server kept answering 429 (too many requests)."""


class ServerError(FetchError):
    """The server kept failing (HTTP 5xx)."""


class NotFoundError(FetchError):
    """The id asked for does not exist (HTTP 404)."""


class RequestError(FetchError):
    """The server refused the request (HTTP 4xx other than 404 and 429)."""


class ResponseError(FetchError):
    """The server answered something that is not the expected JSON or XML."""


class EmptyResultError(FetchError):
    """The query matched no works."""
