"""Domain model, database and services. Knows nothing of Qt or file formats."""
