"""One module per ``kkr`` command, each with ``register`` and ``run``."""
