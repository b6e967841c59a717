"""Date and time formats per language (settings.FORMAT_MODULE_PATH); templates use their names."""
