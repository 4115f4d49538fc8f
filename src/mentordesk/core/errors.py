"""Errors a user can act on. Their message is shown as is, without a traceback."""


class UserError(Exception):
    """Bad input or a refused action: the message says what is wrong and where."""


class NotFound(UserError):
    pass


class Conflict(UserError):
    pass


class LockedRecord(UserError):
    """A signed record was about to change."""


class SchemaTooNew(UserError):
    """The database was written by a newer MentorDesk."""


class DatabaseInUse(UserError):
    """Another MentorDesk already has this database open."""
