"""Language models for the course: a BPE tokenizer and the offline classroom model.

Nothing is imported here, so that `import widgets.llm.<module>` stays as
cheap as the module it names.
"""
