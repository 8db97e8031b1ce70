"""``python -m coauthor``: the same CLI as the ``coauthor`` command."""

from coauthor.cli import main

if __name__ == "__main__":
    main()
