"""The files the program reads at run time, installed as the package ``symptomlog.resources``.

They live at the top of the repository (pyproject.toml maps this folder into the package), so
the icons, fonts, desktop files and styles are found in one place rather than among the code.
Read them only through ``importlib.resources.files("symptomlog.resources")``: that works the
same in the editable install, the wheel and the PyInstaller bundle.

    icons/    the app icon: one SVG, PNGs 16-512, .ico and .icns (``make icons`` draws them)
    fonts/    DejaVu Sans for the PDF report (its licence beside it)
    desktop/  the Linux menu entry and its AppStream metadata (``make install-desktop``)
    styles/   the window's Qt stylesheet
"""
