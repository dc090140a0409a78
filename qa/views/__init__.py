"""QA pages, by stage: thin views (permission, form/selector, service, redirect or render). `qa.urls`
routes to each module."""
