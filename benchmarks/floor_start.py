"""The floor for cold start: a bare PySide6 window showing a row count read through
SQLAlchemy's ORM, rendered to PNG exactly as ``symptomlog --screenshot`` does."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Entry(Base):
    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(primary_key=True)


def main(db: str, png: str) -> int:
    app = QApplication(sys.argv[:1])
    with Session(create_engine(f"sqlite:///{db}")) as session:
        count = session.scalar(select(func.count()).select_from(Entry))
    window = QMainWindow()
    window.setCentralWidget(QLabel(f"{count} entries"))
    window.resize(1024, 700)
    window.show()
    app.processEvents()
    return 0 if window.grab().save(png) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
