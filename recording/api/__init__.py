"""Crime-recording API (thin views over services and selectors)."""
