"""Forum software markup: one module per software, each with ``render(writer, thread, related)``."""
