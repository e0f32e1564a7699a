"""The PySide6 window: a thin layer over the core. The only package that imports Qt."""
