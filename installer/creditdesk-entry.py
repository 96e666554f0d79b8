"""Entry point of the frozen program (PyInstaller): the same ``creditdesk`` command.

The build carries the CJK TrueType font in ``creditdesk/assets/fonts``; the printed
slips (reportlab) are told where it is unless the machine says otherwise.
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # Nothing is written next to the program (an installed /opt/creditdesk stays as packaged, and
    # is removed whole): Alembic imports the migration scripts from source.
    sys.dont_write_bytecode = True
    multiprocessing.freeze_support()
    from creditdesk.paths import bundled_font

    font = bundled_font()
    if font is not None:
        os.environ.setdefault("CREDITDESK_CJK_FONT", f"{font}#0")
    from creditdesk.cli import main

    sys.exit(main())
