"""The views of module 12: the card deck, the room vote and the closing card."""
