"""AF's survey on moving for work: the answers (stored anonymously) and the report on them."""
