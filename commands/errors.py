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
