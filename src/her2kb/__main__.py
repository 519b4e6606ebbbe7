"""`python -m her2kb`."""

from .cli import main

main()
