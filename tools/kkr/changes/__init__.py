"""What changed in the knowledge base between two revisions, told in Danish for reviewers."""
