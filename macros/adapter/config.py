"""The `closer` plugin's options in mkdocs.yml."""

from mkdocs.config import config_options
from mkdocs.config.base import Config


class LanguageOptions(Config):
    """One language besides the site's own: its pages are docs/<lang>/, its quizzes quizzes/<lang>/."""

    quick_exit_url = config_options.Type(str)  # where "Leave this page" goes: a neutral site in that language
    copyright = config_options.Optional(config_options.Type(str))  # the footer's line, in that language


class CloserConfig(Config):
    quizzes_dir = config_options.Type(str, default="quizzes")
    # The published course, for links to its own pages (help, privacy, how embedding works) on a
    # site that does not have them, such as a coach's site with only quizzes.
    course_url = config_options.Optional(config_options.Type(str))  # checked with the site's other settings
    # Off: the build writes only the pages; `closer-export` then adds embeds, downloads, packages,
    # worksheets, the schema and the policy, as for another generator's build.
    exports = config_options.Type(bool, default=True)
    # Languages besides the site's own (theme.language), each built into /<lang>/ from docs/<lang>/
    # and quizzes/<lang>/, speaking through macros/messages/<lang>.po (QUIZ_FORMAT "Languages").
    languages = config_options.DictOfItems(config_options.SubConfig(LanguageOptions), default={})

