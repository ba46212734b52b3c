"""The school canteen of Clairval-sur-Ondine: the first slider of the course."""
