"""Crime-recording pages (thin: forms in, services do the work, selectors read)."""
