"""The school canteen of Clairval-sur-Ondine (module 01): the first slider of the course.

- `budget`: the yearly cost of the meals for a price per meal (engine);
- `html`: the summary under the slider;
- `views/price_slider.py`: the slider and its live summary.
"""
