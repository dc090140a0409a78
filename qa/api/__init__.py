"""The QA API (thin views over services and selectors), by stage; `qa.api_urls` routes to each module."""
