"""PLACEHOLDER `kehoach restore` (owned by the restorer work)."""


def add_arguments(p):
    p.add_argument("files", nargs="*")


def main(args) -> int:
    raise NotImplementedError
