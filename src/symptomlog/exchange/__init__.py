"""CSV and JSON import and export, all-or-nothing, through the ``Diary`` service."""
