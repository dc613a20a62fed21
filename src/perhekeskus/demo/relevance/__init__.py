"""The finder's relevance test set and its measurement (nDCG@10, MRR, zero-result rate)."""
