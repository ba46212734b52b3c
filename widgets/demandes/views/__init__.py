"""The ipywidgets views of module 08: the split, the confusion matrix, « Essayez votre message »."""
