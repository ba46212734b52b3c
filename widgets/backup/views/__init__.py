"""The download panel shown in the welcome notebook and at the end of every module."""
