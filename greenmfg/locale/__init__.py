"""The reader's language: the edition in force (``i18n``) and numbers and dates as each edition writes them."""
