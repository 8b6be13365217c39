"""Applications of the pipeline (batch, corpus, statistics): they use it, it never uses them."""
