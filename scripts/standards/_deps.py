"""Installs the PyPI packages of requirements.txt (beside this file) when one is missing."""
import importlib.util
import pathlib
import subprocess
import sys

REQUIREMENTS = pathlib.Path(__file__).resolve().parent / "requirements.txt"


def ensure(*modules):
    """Imports nothing; makes sure each module in `modules` can be imported."""
    if all(importlib.util.find_spec(module) is not None for module in modules):
        return
    print(f"standards: installing {REQUIREMENTS.name} from PyPI", file=sys.stderr)
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS)]
    result = subprocess.run(command, stdout=sys.stderr)
    if result.returncode != 0:
        # Debian's own python3 refuses system-wide installs (PEP 668): install for this user.
        result = subprocess.run(command + ["--user", "--break-system-packages"], stdout=sys.stderr)
    if result.returncode != 0:
        sys.exit(f"standards: could not install {REQUIREMENTS}")
    importlib.invalidate_caches()
    import site
    if site.ENABLE_USER_SITE and site.getusersitepackages() not in sys.path:
        sys.path.append(site.getusersitepackages())
