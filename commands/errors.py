"""Domain errors carry a message key and its parameters, never a Slack payload."""


class DomainError(Exception):
    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


class NotFound(DomainError):
    """Also raised for records the actor may not see: the two must read the same."""


class Forbidden(DomainError):
    pass


class InvalidInput(DomainError):
    pass


class FormProblems(InvalidInput):
    """Everything wrong with a form at once, by field, so the form shows each next to its
    field; reads as the first one. `heading` is the catalog key that introduces them when
    they are listed together."""

    heading = "error.problems"

    def __init__(self, problems: dict[str, DomainError]):
        first = next(iter(problems.values()))
        super().__init__(first.key, **first.params)
        self.problems = problems
