"""The staffing API (thin views over services and selectors), and the Idempotency-Key decorator
every app's create endpoints use (staffing.api.idempotent)."""
