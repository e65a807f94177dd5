"""The ``eenplan`` command: everything ``manage.py`` does, e.g. ``eenplan migrate``,
``eenplan seed-demo``, ``eenplan demo-accounts --json``, ``eenplan evaluate-signals``,
``eenplan send-reminders``, ``eenplan load-population``, ``eenplan verify-access-log``,
``eenplan rotate-bsn-keys``, ``eenplan runserver``."""

import os
import sys

OWN_COMMANDS = {
    "seed-demo",
    "demo-accounts",
    "demo-messages",
    "evaluate-signals",
    "send-reminders",
    "load-population",
    "seal-access-log",
    "verify-access-log",
    "apply-retention",
    "rotate-bsn-keys",
    "generate-region",
}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["eenplan", *argv])
    # Our own commands have dashed names on the command line and underscored module names.
    if len(args) > 1 and args[1] in OWN_COMMANDS:
        args[1] = args[1].replace("-", "_")
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
