"""A programme's rubric: layer → module → skill with its level descriptors, and its posts with
their target levels — every text in the interface language (the other where none was written)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.models import LAYERS
from ..core.posts import rubric_for_programme
from ..core.rubric_text import rubric_in
from ..core.rubrics import RubricView
from ..core.store import Store
from .operations import DatabaseWorker, QueryOp
from .translation import current_language


def rubric_shown(store: Store, programme: str, language: str) -> RubricView | None:
    """The newest version of the programme's rubric, its texts in ``language``."""
    rubric = rubric_for_programme(store, programme)
    return rubric_in(rubric, language) if rubric is not None else None


class RubricPane(QWidget):
    """Shows the rubric of the programme chosen with ``show_programme``."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.programme = ""
        self.rubric: RubricView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("rubricTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.skills = QTreeWidget()
        self.skills.setObjectName("rubricTree")
        self.skills.setHeaderLabels([self.tr("Layer, module, skill"), self.tr("Level descriptor")])
        self.skills.setWordWrap(True)
        self.skills.setAlternatingRowColors(True)
        self.posts = QTreeWidget()
        self.posts.setObjectName("postTree")
        self.posts.setHeaderLabels([self.tr("Post, skill"), self.tr("Target level")])
        splitter.addWidget(self.skills)
        splitter.addWidget(self.posts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.show_programme("")

    def layer_names(self) -> dict[str, str]:
        return {
            "foundation": self.tr("Foundation"),
            "direction": self.tr("Direction"),
            "job": self.tr("Job position"),
        }

    def show_programme(self, programme: str) -> None:
        self.programme = programme
        if not programme:
            self._show(None)
            self.title.setText(self.tr("Choose a programme to see its rubric and posts."))
            return
        QueryOp(rubric_shown, programme, current_language()).success(self._show).failure(
            self.title.setText
        ).run(self.worker, self)

    def _show(self, rubric: RubricView | None) -> None:
        self.rubric = rubric
        self.skills.clear()
        self.posts.clear()
        if rubric is None:
            self.title.setText(
                self.tr("Programme %1 has no rubric yet (mentordesk rubric import).").replace(
                    "%1", self.programme
                )
            )
            return
        self.title.setText(
            self.tr("Rubric: %1 · version %2")
            .replace("%1", rubric.name)
            .replace("%2", str(rubric.version))
        )
        labels = {lv.level: lv.label for lv in rubric.levels}
        layers = self.layer_names()
        modules = {m.name: m for m in rubric.layers}
        order = sorted(
            {m.layer for m in rubric.layers} | {s.layer for s in rubric.skills if s.layer},
            key=lambda k: LAYERS.index(k) if k in LAYERS else len(LAYERS),
        )
        for layer in order:
            top = QTreeWidgetItem(self.skills, [layers.get(layer, layer), ""])
            names = [m.name for m in rubric.layers if m.layer == layer]
            names += sorted(
                {s.module for s in rubric.skills if s.layer == layer and s.module not in modules}
            )
            for name in names:
                module = QTreeWidgetItem(top, [name, ""])
                for sk in rubric.skills:
                    if sk.module != name or sk.withdrawn:
                        continue
                    skill = QTreeWidgetItem(module, [f"{sk.code} {sk.name}", ""])
                    for level, text in enumerate(sk.descriptors, start=1):
                        if text:
                            label = labels.get(level, str(level))
                            QTreeWidgetItem(skill, [f"{level} · {label}", text]).setToolTip(1, text)
            top.setExpanded(True)
            # Down to the skills' descriptors: what the rubric says is the point of the view.
            for n in range(top.childCount()):
                module = top.child(n)
                module.setExpanded(True)
                for k in range(module.childCount()):
                    module.child(k).setExpanded(True)
        self.skills.resizeColumnToContents(0)
        names = {sk.code: sk.name for sk in rubric.skills}
        for post in rubric.posts:
            item = QTreeWidgetItem(self.posts, [post.name, ""])
            for target in post.targets:
                label = labels.get(target.target, "")
                shown = f"{target.target} · {label}" if label else str(target.target)
                QTreeWidgetItem(item, [f"{target.code} {names.get(target.code, '')}", shown])
            item.setExpanded(True)
        if not rubric.posts:
            QTreeWidgetItem(self.posts, [self.tr("No post yet."), ""])
        self.posts.resizeColumnToContents(0)
