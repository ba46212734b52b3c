"""The ipywidgets views of module 08: the split, the confusion matrix, « Essayez votre message »,
and `cells`, the thin functions the lesson gives the notebook's display cells."""
