"""The catalogue loaded once into the store before both languages build (plugin/build.py).

Started together on a catalogue the store does not hold, the two language builds would each parse
every file at the same time: 1.1 GB together at city scale. Loaded here first, by a process that
ends before they start, each build reads the whole load from the store (its key: the folder, the
day and every file), and the build's peak stays near 0.7 GB (issue 23). Problems are not reported
here: the builds report them, in their words, as before.

    python -m learning_city.plugin.warm CATALOGUE    (with the builds' SOURCE_DATE_EPOCH)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from learning_city.data.loader import load
from learning_city.data.store import Store
from learning_city.data.today import today


def main(argv: list[str]) -> int:
    catalogue, _ = load(Path(argv[0]), today(os.environ), disk=Store.default(os.environ))
    return 0 if catalogue is not None else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
