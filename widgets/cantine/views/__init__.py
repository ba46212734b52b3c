"""The canteen's widget: one slider and its summary."""
