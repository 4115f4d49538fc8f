"""PySide6 views over the core services."""
