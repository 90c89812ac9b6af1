"""Helpers shared by GUI tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd


def write_big_catalog(path: Path, rows: int) -> Path:
    """A large CSV catalog written fast with pyarrow: SKU, name, category, price; every 1000th SKU too long."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    index = np.arange(rows)
    skus = pd.Series(index).map("SKU-{:07d}".format)
    skus[999::1000] = "X" * 300
    table = pa.table(
        {
            "Ваш SKU": pa.array(skus, pa.string()),
            "Название товара": pa.array(pd.Series(index).map("Товар номер {}".format), pa.string()),
            "Категория": pa.array(np.where(index % 3 == 0, "Книги", "Игрушки"), pa.string()),
            "Цена": pa.array((100 + index % 50).astype(str), pa.string()),
        }
    )
    pacsv.write_csv(table, path, pacsv.WriteOptions(delimiter=";"))
    return path


def open_run_dialog(qtbot, window, operation=None, campaign_id: int | None = None, timeout_ms: int = 30_000):
    """The run dialog over the window's picked rows, as Market > Run opens it, once its stores are listed and
    the picks counted; then the operation (delete-offers by default) and the store (the demo FBS one) chosen."""
    from ymdesk.core.model import Operation
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID
    from ymdesk.ui.run_dialog import RunDialog

    dialog = RunDialog(window.services, window.catalog, window.model.picked.copy(), window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.setup.store_combo.count() > 0 and dialog.plan is not None, timeout=timeout_ms)
    stores = dialog.setup.store_combo
    wanted = DEMO_FBS_CAMPAIGN_ID if campaign_id is None else campaign_id
    stores.setCurrentIndex(next(i for i in range(stores.count()) if stores.itemData(i).id == wanted))
    operations = dialog.setup.operation_combo
    operations.setCurrentIndex(operations.findData(operation or Operation.DELETE_OFFERS))
    return dialog


def connect_test_that_fails(qtbot, services):
    """Connect > Test with a key against a 127.0.0.1 port nobody listens on; returns once the test has failed."""
    from tests.helpers.hostile_server import free_port
    from ymdesk.ui.connect_dialog import ConnectDialog

    services.settings.api_url = f"http://127.0.0.1:{free_port()}"
    dialog = ConnectDialog(services)
    qtbot.addWidget(dialog)
    dialog.key_edit.setText("some-key")
    with qtbot.waitSignal(dialog.test_failed, timeout=30_000):
        dialog.test_button.click()
    return dialog
