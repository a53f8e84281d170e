"""PLACEHOLDER `kehoach extract` (owned by the extract work)."""


def add_arguments(p):
    p.add_argument("file")


def main(args) -> int:
    raise NotImplementedError
