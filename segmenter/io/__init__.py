"""Reading pages from files and dumps, and writing results: the dump side of the tool."""
