"""Ways to look at a segmented page: in the terminal, as a standalone HTML page, and the model's reasons."""
