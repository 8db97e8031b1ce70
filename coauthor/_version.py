"""The version of coauthor, from the installed distribution (its own module,
so that every stage can name it without importing the whole package)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("coauthor")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
