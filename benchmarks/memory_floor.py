"""Child process of ``bench_memory``: the floor, a bare PySide6 window showing one
matplotlib canvas with one line drawn on it, after reading every entry of the same
diary through SQLAlchemy's ORM (the project must use the ORM, so the floor does too,
as the cold-start floor does)."""

from __future__ import annotations

import sys

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import MetaData, Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Session

from benchmarks.peak import peak_mb


def read_entries(db: str) -> int:
    """Every entry row as ORM objects, every column mapped (reflected from the file)."""
    engine = create_engine(f"sqlite:///{db}")
    table = Table("entries", MetaData(), autoload_with=engine)

    class Base(DeclarativeBase):
        pass

    class Entry(Base):
        __table__ = table

    with Session(engine) as session:
        rows = session.scalars(select(Entry)).all()
    engine.dispose()
    return len(rows)


def main(db: str) -> int:
    app = QApplication(sys.argv[:1])
    count = read_entries(db)
    window = QMainWindow()
    figure = Figure(figsize=(8, 4))
    figure.add_subplot().plot(range(100), [i % 11 for i in range(100)])
    window.setCentralWidget(FigureCanvasQTAgg(figure))
    window.setWindowTitle(f"{count} entries")
    window.resize(1024, 700)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.grab()
    print(f"{peak_mb():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
