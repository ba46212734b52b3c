"""Module 10's views: the threshold explorer, the score distributions, the proxy demo.

Each view draws its figure once; a slider move only changes the numbers in
the cells, the threshold line or the bar heights, and the HTML next to the
figure, from a `ScoreTable` where the scores are already sorted.
"""
