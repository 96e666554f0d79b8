"""Packaging beyond what pyproject.toml can say: the top-level ``resources/`` folder
(icons, desktop entry, AppStream metainfo, translations) is installed as the package
data ``creditdesk/assets`` so a wheel, a PyInstaller folder and a source checkout all
carry it. creditdesk.paths.resources_dir() finds it in either place."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["creditdesk*"]), "creditdesk.assets"],
    package_dir={"creditdesk.assets": "resources"},
)
