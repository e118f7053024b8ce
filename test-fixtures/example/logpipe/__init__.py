"""logpipe: read log files, parse records, and push them through send-driven coroutines."""
