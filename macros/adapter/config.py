"""The `closer` plugin's options in mkdocs.yml."""

from mkdocs.config import config_options
from mkdocs.config.base import Config


class CloserConfig(Config):
    quizzes_dir = config_options.Type(str, default="quizzes")
