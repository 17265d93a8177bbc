"""Domain errors. Their message is written for the person at the screen, not for a developer."""


class DomainError(Exception):
    """A rule of the domain refused an operation."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidValue(DomainError):
    """A value does not have the form the domain needs (a GTIN with a wrong check digit...)."""


class NotFound(DomainError):
    """The thing named does not exist."""


class AlreadyExists(DomainError):
    """The thing to create exists already."""


class InvalidTransition(DomainError):
    """The state of a return, unit or work order does not allow that step now."""


class LedgerError(DomainError):
    """A stock move does not match where the unit is."""


class NotAllowed(DomainError):
    """The law or a company rule forbids the operation."""


class Conflict(DomainError):
    """Other requests changed the same thing at the same time: nothing was written."""


class NotAuthenticated(DomainError):
    """No user could be recognised: a wrong login or password, a locked login, an unknown
    or revoked token."""


class PermissionDenied(DomainError):
    """The user's roles do not allow the use case, or not on these goods."""

    def __init__(self, message: str, *, permission: str, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.permission = permission
        #: Whether the refusal is in the audit trail already.
        self.audited = False


class DestructionRefused(NotAllowed):
    """The law bans destroying this product: ``law`` names the ban (``domain/espr.py``), and
    the refusal is kept on record for the yearly disclosure."""

    def __init__(self, message: str, *, law: str, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.law = law
