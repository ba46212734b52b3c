"""Module 06's case: how much energy, carbon and water one request to a language model costs.

- `catalogue`: the models and electricity mixes offered (`models.toml`);
- `estimate`: EcoLogits (imported at the first estimate), its errors in French;
- `amounts`: small values and large counts written the French way;
- `comparisons`: everyday scales (`comparisons.toml`, amounts from the facts registry);
- `reply`: `footprint_of(reply)`, the footprint of one answer of the connector;
- `hook`: the connector's after-answer hook, and the box a view shows under an answer;
- `html`: the calculator's table and the box under an answer;
- `views/`: the `calculator`.
"""
