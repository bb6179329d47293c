"""Valid starting points for new records, written by ``kkr new``."""
