"""Screenshots of every area of the main window, for looking at what users see.

    python scripts/screenshots.py --db demo.db --size 1280x800 --out shots/

Runs offscreen unless DISPLAY is set (e.g. under xvfb-run, for real window decorations).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--out", default="shots")
    parser.add_argument("--areas", nargs="*")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from mentordesk.core.store import Store
    from mentordesk.ui.app import make_application
    from mentordesk.ui.main_window import AREAS, MainWindow

    app = make_application()
    width, height = (int(n) for n in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store = Store.open(args.db)
    window = MainWindow(store)
    window.resize(width, height)
    window.show()
    for row, (key, _m, _c) in enumerate(AREAS):
        if args.areas and key not in args.areas:
            continue
        window.navigation.setCurrentRow(row)
        for _ in range(5):
            app.processEvents()
        path = out / f"{key}-{args.size}.png"
        window.grab().save(str(path))
        print(path)
    window.close()
    store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
